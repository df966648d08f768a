// A provider's week of carers' routes: where a package's visits would go and
// what they add, why they cannot go, and the batch re-plan, which must never
// end with more travel than it started with (checked over many random counties).
#include <gtest/gtest.h>

#include <random>

#include "allot/care_at_home/allocation.h"
#include "allot/care_at_home/replan.h"

namespace allot::care_at_home {
namespace {

GeoPoint at(double latitude, double longitude) {
  return GeoPoint{static_cast<std::int64_t>(latitude * 1e6), static_cast<std::int64_t>(longitude * 1e6)};
}

std::vector<Shift> every_day(int start, int end) {
  std::vector<Shift> shifts;
  for (int day = 0; day < 7; ++day) shifts.push_back({day, start, end});
  return shifts;
}

Visit visit_on(int day, int start, int minutes, int carers = 1, std::vector<std::string> tasks = {"personal care"}) {
  return Visit{day, start, 15, minutes, carers, std::move(tasks)};
}

TEST(ProviderWeek, AVisitGoesToTheCarerWhoseBaseIsNearestAndAddsTheirRoundTrip) {
  Places places;
  const int dunbar = places.add(at(56.001, -2.516));
  const int musselburgh = places.add(at(55.942, -3.054));
  const int person = places.add(at(56.003, -2.520));
  ProviderWeek week(places, {{1, musselburgh, TravelMode::kCar, {}, every_day(7 * 60, 22 * 60)},
                             {2, dunbar, TravelMode::kCar, {}, every_day(7 * 60, 22 * 60)}});
  const Fit fit = week.fit(person, {visit_on(0, 9 * 60, 30)});
  ASSERT_TRUE(fit.fits) << fit.reason;
  ASSERT_EQ(fit.carers.size(), 1u);
  EXPECT_EQ(fit.carers[0], std::vector<int>{1});
  const double round_trip = 2 * places.metres(dunbar, person) / metres_per_minute(TravelMode::kCar);
  EXPECT_NEAR(fit.extra_minutes, round_trip, 1e-9);
  week.add(7, person, {visit_on(0, 9 * 60, 30)}, fit);
  EXPECT_NEAR(week.travel_minutes(), round_trip, 1e-9);
  EXPECT_NEAR(week.remove(7), round_trip, 1e-9);
  EXPECT_EQ(week.travel_minutes(), 0);
}

TEST(ProviderWeek, SaysWhyAPackageCannotGo) {
  Places places;
  const int base = places.add(at(55.956, -2.781));
  const int person = places.add(at(55.960, -2.790));
  ProviderWeek week(places, {{1, base, TravelMode::kCar, {"personal care"}, every_day(7 * 60, 14 * 60)}});
  EXPECT_EQ(week.fit(person, {visit_on(1, 9 * 60, 30, 1, {"PEG feeding"})}).reason,
            "no carer is trained for every task of the visit on Tuesday 09:00");
  EXPECT_EQ(week.fit(person, {visit_on(2, 18 * 60, 30)}).reason, "no carer works on Wednesday 18:00");
  EXPECT_EQ(week.fit(person, {visit_on(3, 8 * 60, 30, 2)}).reason,
            "only one carer is free for the double-handed visit on Thursday 08:00");
  // Two visits at once for the only carer: the second cannot be reached in time.
  const Fit first = week.fit(person, {visit_on(4, 9 * 60, 60)});
  week.add(1, person, {visit_on(4, 9 * 60, 60)}, first);
  EXPECT_EQ(week.fit(person, {visit_on(4, 9 * 60 + 30, 30)}).reason,
            "no carer can be there on Friday 09:30 between their other visits");
  // Nothing tried is left in the week.
  EXPECT_EQ(week.placement(1, 1).carers[0], std::vector<int>{0});
  EXPECT_NEAR(week.travel_minutes(), 2 * places.metres(base, person) / 500, 1e-9);
}

TEST(ProviderWeek, ADoubleHandedVisitTakesTwoCarersAndBothTravel) {
  Places places;
  const int base = places.add(at(55.956, -2.781));
  const int person = places.add(at(55.970, -2.800));
  ProviderWeek week(places, {{1, base, TravelMode::kCar, {}, every_day(7 * 60, 22 * 60)},
                             {2, base, TravelMode::kWalk, {}, every_day(7 * 60, 22 * 60)}});
  const Fit fit = week.fit(person, {visit_on(0, 8 * 60, 30, 2)});
  ASSERT_TRUE(fit.fits);
  EXPECT_EQ(fit.carers[0].size(), 2u);
  const double metres = places.metres(base, person);
  EXPECT_NEAR(fit.extra_minutes, 2 * metres / 500 + 2 * metres / 80, 1e-9);
}

// A random county: providers with carers at bases, packages today with one of
// them, some open; eligibility and capacity at random.
struct RandomCounty {
  Places places;
  std::vector<std::unique_ptr<ProviderWeek>> weeks;
  std::vector<ReplanProvider> providers;
  std::vector<ReplanPackage> packages;
};

std::unique_ptr<RandomCounty> random_county(std::uint64_t seed) {
  std::mt19937_64 random(seed);
  auto uniform = [&](double low, double high) { return std::uniform_real_distribution<double>(low, high)(random); };
  auto pick = [&](int count) { return static_cast<int>(random() % static_cast<std::uint64_t>(count)); };
  auto county = std::make_unique<RandomCounty>();
  const int provider_count = 2 + pick(4);
  for (int provider = 0; provider < provider_count; ++provider) {
    std::vector<WeekCarer> carers;
    const int base = county->places.add(at(uniform(55.90, 56.06), uniform(-3.05, -2.45)));
    const int carer_count = 2 + pick(6);
    for (int carer = 0; carer < carer_count; ++carer) {
      std::vector<std::string> skills = {"personal care"};
      if (pick(2) == 0) skills.push_back("medication");
      carers.push_back({provider * 100 + carer, base, pick(4) == 0 ? TravelMode::kWalk : TravelMode::kCar, skills,
                        every_day(7 * 60, 22 * 60)});
    }
    county->weeks.push_back(std::make_unique<ProviderWeek>(county->places, std::move(carers)));
    county->providers.push_back({county->weeks.back().get(), static_cast<std::int64_t>(pick(3000))});
  }
  const int package_count = 5 + pick(40);
  for (int index = 0; index < package_count; ++index) {
    ReplanPackage package;
    package.id = index + 1;
    package.place = county->places.add(at(uniform(55.90, 56.06), uniform(-3.05, -2.45)));
    const int visits = 1 + pick(4);
    for (int visit = 0; visit < visits; ++visit) {
      package.visits.push_back(visit_on(pick(7), 7 * 60 + pick(56) * 15, 15 + pick(4) * 15, pick(6) == 0 ? 2 : 1,
                                        pick(5) == 0 ? std::vector<std::string>{"medication"} : std::vector<std::string>{}));
    }
    for (int provider = 0; provider < provider_count; ++provider) {
      if (pick(3) != 0) package.eligible.push_back(provider);
    }
    // Today's allocation: with a random provider where its visits fit, else open.
    if (pick(4) != 0) {
      const int provider = pick(provider_count);
      const Fit fit = county->weeks[static_cast<std::size_t>(provider)]->fit(package.place, package.visits);
      if (fit.fits) {
        county->weeks[static_cast<std::size_t>(provider)]->add(package.id, package.place, package.visits, fit);
        package.current = provider;
        if (std::find(package.eligible.begin(), package.eligible.end(), provider) == package.eligible.end() && pick(2) == 0) {
          package.eligible.push_back(provider);
        }
      }
    }
    county->packages.push_back(std::move(package));
  }
  return county;
}

TEST(Replan, NeverEndsWithMoreTravelThanItStartedWithAndKeepsEveryRule) {
  int improved = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    auto county = random_county(seed);
    std::vector<std::int64_t> capacity;
    for (const ReplanProvider& provider : county->providers) capacity.push_back(provider.capacity_left_minutes);
    const ReplanResult result = replan(county->providers, county->packages, {});
    ASSERT_LE(result.planned_minutes, result.start_minutes + 1e-9) << "seed " << seed;
    improved += result.planned_minutes < result.start_minutes - 1e-6 ? 1 : 0;
    // The weeks hold exactly what the result says.
    double recount = 0;
    for (const ReplanProvider& provider : county->providers) recount += provider.week->travel_minutes();
    EXPECT_NEAR(recount, result.planned_minutes, 1e-6) << "seed " << seed;
    for (std::size_t index = 0; index < county->packages.size(); ++index) {
      const ReplanPackage& package = county->packages[index];
      const int provider = result.planned_provider[index];
      if (provider >= 0 && provider != package.current) {
        // Moved or placed: only to a provider that may take it, within capacity.
        EXPECT_NE(std::find(package.eligible.begin(), package.eligible.end(), provider), package.eligible.end())
            << "seed " << seed << " package " << package.id;
        std::int64_t minutes = 0;
        for (const Visit& visit : package.visits) minutes += visit.duration_minutes * visit.carers;
        capacity[static_cast<std::size_t>(provider)] -= minutes;
        if (package.current >= 0) capacity[static_cast<std::size_t>(package.current)] += minutes;
      }
      if (provider < 0) {
        EXPECT_FALSE(result.unplaced_reason[index].empty()) << "seed " << seed;
      }
      if (provider >= 0) {
        const Fit placed = county->weeks[static_cast<std::size_t>(provider)]->placement(package.id, static_cast<int>(package.visits.size()));
        for (std::size_t visit = 0; visit < package.visits.size(); ++visit) {
          EXPECT_EQ(placed.carers[visit].size(), static_cast<std::size_t>(package.visits[visit].carers)) << "seed " << seed;
        }
      }
    }
    // No provider takes on more than it had room for (counted here, not by the re-plan).
    for (std::int64_t left : capacity) EXPECT_GE(left, 0) << "seed " << seed;
  }
  // The property is not vacuous: many random counties do travel less.
  EXPECT_GT(improved, 100);
}

TEST(Replan, SwapsTwoPackagesEachWithTheProviderAcrossTheCounty) {
  Places places;
  const int west = places.add(at(55.942, -3.054));
  const int east = places.add(at(56.001, -2.516));
  ProviderWeek west_week(places, {{1, west, TravelMode::kCar, {}, every_day(7 * 60, 22 * 60)}});
  ProviderWeek east_week(places, {{2, east, TravelMode::kCar, {}, every_day(7 * 60, 22 * 60)}});
  const int near_west = places.add(at(55.945, -3.050));
  const int near_east = places.add(at(56.000, -2.520));
  const std::vector<Visit> morning = {visit_on(0, 9 * 60, 30)};
  const std::vector<Visit> afternoon = {visit_on(0, 14 * 60, 30)};
  // Today each is with the provider on the far side.
  west_week.add(1, near_east, morning, west_week.fit(near_east, morning));
  east_week.add(2, near_west, afternoon, east_week.fit(near_west, afternoon));
  std::vector<ReplanProvider> providers = {{&west_week, 600}, {&east_week, 600}};
  const std::vector<ReplanPackage> packages = {{1, near_east, morning, 0, {0, 1}, ""}, {2, near_west, afternoon, 1, {0, 1}, ""}};
  const ReplanResult result = replan(providers, packages, {});
  EXPECT_EQ(result.planned_provider, (std::vector<int>{1, 0}));
  EXPECT_LT(result.planned_minutes, result.start_minutes / 10);
  EXPECT_EQ(result.moves, 2);
}

TEST(Replan, AnOpenPackageNobodyMayTakeIsListedWithItsReason) {
  Places places;
  const int base = places.add(at(55.956, -2.781));
  ProviderWeek week(places, {{1, base, TravelMode::kCar, {}, every_day(7 * 60, 22 * 60)}});
  std::vector<ReplanProvider> providers = {{&week, 30}};
  const int person = places.add(at(55.960, -2.790));
  const std::vector<ReplanPackage> packages = {
      {-1, person, {visit_on(0, 9 * 60, 30)}, -1, {}, "no provider offers childrens_care_at_home in the North area"},
      {-2, person, {visit_on(0, 12 * 60, 45)}, -1, {0}, ""},  // more than the 30 minutes left
      {-3, person, {visit_on(0, 15 * 60, 30)}, -1, {0}, ""}};
  const ReplanResult result = replan(providers, packages, {});
  EXPECT_EQ(result.planned_provider, (std::vector<int>{-1, -1, 0}));
  EXPECT_EQ(result.unplaced_reason[0], "no provider offers childrens_care_at_home in the North area");
  EXPECT_EQ(result.unplaced_reason[1], "every provider that may take it is full");
  EXPECT_EQ(providers[0].capacity_left_minutes, 0);
}

}  // namespace
}  // namespace allot::care_at_home
