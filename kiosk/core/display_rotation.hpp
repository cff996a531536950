#pragma once
// A panel mounted the other way round: the kiosk draws its picture for the panel as the
// citizen sees it (the logical canvas) and turns it by `display.rotation` degrees clockwise
// onto the output; a touch reported in output pixels is turned back, so a tap lands where
// the finger is. Pure arithmetic: the platform layer applies it to SDL's picture and events.
#include <string>

namespace kiosk {

enum class Rotation { None = 0, Quarter = 90, Half = 180, ThreeQuarters = 270 };

struct ScreenPoint {
    float x = 0, y = 0;
};

struct ScreenSize {
    int width = 0, height = 0;
};

// 0, 90, 180 or 270; anything else is no rotation the kiosk knows.
bool RotationFromDegrees(int degrees, Rotation& rotation);
int RotationDegrees(Rotation rotation);

// The canvas the UI lays out on, for an output of `output` pixels: a quarter turn swaps the
// sides (a 1920×1080 output mounted upright is a 1080×1920 portrait kiosk).
ScreenSize LogicalSize(ScreenSize output, Rotation rotation);

// Where a point of the canvas (`logical` its size) shows on the output, and back.
ScreenPoint ToOutput(ScreenPoint point, ScreenSize logical, Rotation rotation);
ScreenPoint ToLogical(ScreenPoint point, ScreenSize logical, Rotation rotation);

}  // namespace kiosk
