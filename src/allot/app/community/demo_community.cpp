#include "allot/app/community/demo_community.h"

#include "allot/app/community/directory.h"

namespace allot::app {

namespace {

CommunityDetails entry(const char* name, const char* kind, const char* locality, const char* address, const char* postcode,
                       const char* latitude, const char* longitude, const char* opening_times, const char* contact,
                       std::vector<std::string> groups, std::int64_t pence, const char* note, const char* description) {
  return CommunityDetails{name,     kind,          description, locality, address,          postcode, latitude,
                          longitude, opening_times, contact,     std::move(groups), Money::from_pence(pence), note};
}

std::vector<CommunityDetails> demo_entries() {
  // Near the centres of the demo county's towns and villages (the care at home
  // demo's localities), so the directory and the packages share one map.
  return {
      entry("North Berwick Lunch Club", "lunch_club", "North Berwick", "Community Centre, North Berwick", "", "56.0572",
            "-2.7165", "Tuesdays and Thursdays 12:00 to 14:00", "01620 400101", {"older_people"}, 350, "for lunch",
            "A hot two-course lunch and company; transport can be arranged for people who cannot walk there."),
      entry("Gullane Walking Group", "activity", "Gullane", "Gullane village hall car park", "", "56.0352", "-2.8301",
            "Saturdays 10:00", "walks@gullane.example", {}, 0, "",
            "A gentle hour's walk along the dunes, at the pace of the slowest walker."),
      entry("Aberlady Men's Shed", "group", "Aberlady", "The old forge, Aberlady", "", "56.0085", "-2.8575",
            "Mondays, Wednesdays and Fridays 10:00 to 15:00", "01875 400102", {"older_people", "mental_health"}, 200,
            "per session", "Woodwork, repairs and a cup of tea; members teach each other."),
      entry("Dirleton Memory Cafe", "group", "Dirleton", "Dirleton church hall", "", "56.0455", "-2.7790",
            "First Wednesday of the month 14:00 to 16:00", "01620 400103", {"older_people", "carers"}, 0, "",
            "For people living with dementia and the people who care for them."),
      entry("Haddington Community Cafe", "social_firm", "Haddington", "Market Street, Haddington", "", "55.9562",
            "-2.7795", "Monday to Friday 09:00 to 15:00", "hello@haddingtoncafe.example", {"learning_disability"}, 0, "",
            "A cafe run as a social firm, where people with learning disabilities train and work."),
      entry("Haddington Befriending", "befriending", "Haddington", "Haddington and the villages around it", "",
            "55.9540", "-2.7760", "A weekly visit or call at a time agreed", "01620 400104",
            {"older_people", "physical_disability"}, 0, "",
            "A volunteer visits or phones each week, for people who rarely leave home."),
      entry("Ormiston Chair Exercise", "activity", "Ormiston", "Ormiston library", "", "55.9105", "-2.9420",
            "Thursdays 11:00 to 12:00", "01875 400105", {"older_people", "physical_disability"}, 150, "per session",
            "Seated exercise for strength and balance, led by a trained instructor."),
      entry("Pencaitland Carers' Group", "group", "Pencaitland", "Pencaitland parish church", "", "55.9085", "-2.8880",
            "Second Tuesday of the month 19:00 to 21:00", "carers@demo-carers.example", {"carers"}, 0, "",
            "Unpaid carers meet, share what works and hear from speakers."),
      entry("Dunbar Allotment Project", "day_opportunity", "Dunbar", "Allotments off the Spott Road, Dunbar", "", "55.9985",
            "-2.5185", "Weekdays 10:00 to 14:00, March to October", "01368 400106", {"learning_disability", "mental_health"},
            0, "", "Growing food together; produce is sold at the Saturday market."),
      entry("East Linton Knit and Natter", "group", "East Linton", "East Linton village hall", "", "55.9862", "-2.6545",
            "Fridays 13:30 to 15:30", "01620 400107", {}, 100, "for tea and cake", "Knitting, crochet and conversation."),
      entry("Dunbar Sight Support", "group", "Dunbar", "Dunbar Town House", "", "56.0025", "-2.5150",
            "Last Monday of the month 10:30 to 12:00", "01368 400108", {"sensory_impairment"}, 0, "",
            "People with sight loss try equipment and share tips."),
      entry("West Barns Repair Cafe", "social_firm", "West Barns", "West Barns village hall", "", "55.9942", "-2.5460",
            "Saturdays 10:00 to 13:00", "repair@westbarns.example", {"mental_health", "learning_disability"}, 0, "",
            "Volunteers and trainees mend what people bring: lamps, clothes, bicycles."),
      entry("Musselburgh Singing for the Brain", "group", "Musselburgh", "Brunton Hall, Musselburgh", "", "55.9425",
            "-3.0520", "Mondays 14:00 to 15:30", "0131 400109", {"older_people", "carers"}, 250, "per session",
            "Singing familiar songs, for people with dementia and their carers."),
      entry("Prestonpans Youth Club", "group", "Prestonpans", "Prestonpans community centre", "", "55.9585", "-2.9780",
            "Wednesdays 18:00 to 20:00", "01875 400110", {"children"}, 50, "per evening",
            "An inclusive youth club with staff trained in supporting disabled young people."),
      entry("Tranent Wheelchair Football", "activity", "Tranent", "Tranent sports centre", "", "55.9450", "-2.9560",
            "Sundays 10:00 to 11:30", "01875 400111", {"physical_disability", "children"}, 0, "",
            "Powerchair football for all ages; chairs can be borrowed."),
      entry("Wallyford Community Garden", "day_opportunity", "Wallyford", "Wallyford, by the primary school", "",
            "55.9375", "-3.0105", "Tuesdays and Thursdays 10:00 to 15:00", "0131 400112", {"mental_health"}, 0, "",
            "Gardening, cooking what is grown, and a quiet space."),
  };
}

}  // namespace

Result<int> load_demo_community(Transaction& tx, const Clock& clock) {
  const Actor by{"commissioner", "demo-council"};
  const Timestamp now = clock.now();
  int added = 0;
  for (CommunityDetails& details : demo_entries()) {
    auto kept = CommunityDirectory::add_in(tx, by, now, std::move(details));
    if (!kept) return tl::unexpected<Issues>(kept.error());
    ++added;
  }
  return added;
}

}  // namespace allot::app
