#include "kiosk/core/display_rotation.hpp"

namespace kiosk {

bool RotationFromDegrees(int degrees, Rotation& rotation) {
    switch (degrees) {
        case 0: rotation = Rotation::None; return true;
        case 90: rotation = Rotation::Quarter; return true;
        case 180: rotation = Rotation::Half; return true;
        case 270: rotation = Rotation::ThreeQuarters; return true;
        default: return false;
    }
}

int RotationDegrees(Rotation rotation) { return static_cast<int>(rotation); }

ScreenSize LogicalSize(ScreenSize output, Rotation rotation) {
    bool quarter = rotation == Rotation::Quarter || rotation == Rotation::ThreeQuarters;
    return quarter ? ScreenSize{output.height, output.width} : output;
}

// Turning clockwise by 90°: the canvas's top edge becomes the output's right edge.
ScreenPoint ToOutput(ScreenPoint point, ScreenSize logical, Rotation rotation) {
    const auto width = static_cast<float>(logical.width), height = static_cast<float>(logical.height);
    switch (rotation) {
        case Rotation::None: return point;
        case Rotation::Quarter: return {height - point.y, point.x};
        case Rotation::Half: return {width - point.x, height - point.y};
        case Rotation::ThreeQuarters: return {point.y, width - point.x};
    }
    return point;
}

ScreenPoint ToLogical(ScreenPoint point, ScreenSize logical, Rotation rotation) {
    const auto width = static_cast<float>(logical.width), height = static_cast<float>(logical.height);
    switch (rotation) {
        case Rotation::None: return point;
        case Rotation::Quarter: return {point.y, height - point.x};
        case Rotation::Half: return {width - point.x, height - point.y};
        case Rotation::ThreeQuarters: return {width - point.y, point.x};
    }
    return point;
}

}  // namespace kiosk
