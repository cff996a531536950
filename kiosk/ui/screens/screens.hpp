#pragma once
// Screens: every citizen screen's own state in one place, so that forgetting a citizen is
// one assignment (`screens = Screens{}`) and a new screen cannot be left out of it. The
// attract screen is not here: posters are not a citizen's state.
#include "kiosk/ui/screens/field_procedures_screen.hpp"
#include "kiosk/ui/screens/fields_screen.hpp"
#include "kiosk/ui/screens/guide_screen.hpp"
#include "kiosk/ui/screens/home_screen.hpp"
#include "kiosk/ui/screens/hotline_screen.hpp"
#include "kiosk/ui/screens/online_services_screen.hpp"
#include "kiosk/ui/screens/procedure_detail_screen.hpp"
#include "kiosk/ui/screens/results_screen.hpp"
#include "kiosk/ui/screens/search_screen.hpp"
#include "kiosk/ui/screens/vote_reason_screen.hpp"
#include "kiosk/ui/screens/vote_screen.hpp"
#include "kiosk/ui/screens/vote_thanks_screen.hpp"

namespace kiosk::ui {

struct Screens {
    HomeScreen home;
    FieldsScreen fields;
    FieldProceduresScreen field_procedures;
    ProcedureDetailScreen procedure_detail;
    SearchScreen search;
    VoteScreen vote;
    VoteReasonScreen vote_reason;
    VoteThanksScreen vote_thanks;
    OnlineServicesScreen online_services;
    GuideScreen guide;
    HotlineScreen hotline;
    ResultsScreen results;
};

}  // namespace kiosk::ui
