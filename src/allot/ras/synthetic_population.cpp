#include "allot/ras/synthetic_population.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "allot/ras/score.h"

namespace allot::ras {
namespace {

// xoshiro256** seeded by splitmix64: small, fast, and the same numbers everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (std::uint64_t& word : state_) {
      seed += 0x9E3779B97F4A7C15ULL;
      std::uint64_t mixed = seed;
      mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9ULL;
      mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBULL;
      word = mixed ^ (mixed >> 31);
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t shifted = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double normal() {
    // Box-Muller; the second value is dropped to keep the stream simple.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  static std::uint64_t rotl(std::uint64_t value, int shift) { return (value << shift) | (value >> (64 - shift)); }
  std::uint64_t state_[4] = {};
};

struct ClientGroup {
  const char* name;
  double share;       // of people using long-term services
  double mean_need;   // 0..1
  double cost_bias;   // current costs relative to need: the historical differences simulation reveals
};

// Proportions roughly as in English councils' long-term support: older people the
// majority, then physical disability, learning disability and mental health.
constexpr ClientGroup kGroups[] = {
    {"Older people", 0.58, 0.45, 0.95},
    {"Physical disability", 0.16, 0.45, 1.05},
    {"Learning disability", 0.14, 0.55, 1.20},
    {"Mental health", 0.12, 0.35, 0.85},
};

}  // namespace

void generate_population(const Rulebook& rulebook, const SyntheticPopulationOptions& options,
                         const std::function<void(std::string_view chunk)>& write,
                         const std::function<void(std::int64_t people_done)>& on_progress) {
  Random random(options.seed);
  const CompiledRulebook compiled(rulebook);

  // Answers in order of points, so a higher need picks a higher-scoring answer.
  std::vector<std::vector<std::size_t>> by_points(rulebook.questions.size());
  std::vector<bool> is_adjustment(rulebook.questions.size(), false);
  for (const Adjustment& adjustment : rulebook.adjustments) is_adjustment[adjustment.question] = true;
  for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
    const Question& question = rulebook.questions[question_idx];
    std::vector<std::size_t>& order = by_points[question_idx];
    order.resize(question.answers.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&question](std::size_t left, std::size_t right) {
      return question.answers[left].points < question.answers[right].points;
    });
  }

  std::string buffer;
  buffer.reserve(1 << 20);
  buffer += "person_id,client_group,current_annual_pence";
  for (const Question& question : rulebook.questions) {
    buffer += ',';
    buffer += question.id;
  }
  buffer += '\n';

  std::vector<std::size_t> chosen(rulebook.questions.size());
  for (std::int64_t person_idx = 0; person_idx < options.people; ++person_idx) {
    double pick = random.uniform();
    const ClientGroup* group = &kGroups[0];
    for (const ClientGroup& candidate : kGroups) {
      group = &candidate;
      if (pick < candidate.share) break;
      pick -= candidate.share;
    }
    const double need = std::clamp(group->mean_need + 0.22 * random.normal(), 0.0, 1.0);
    for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
      const std::vector<std::size_t>& order = by_points[question_idx];
      const double top = static_cast<double>(order.size() - 1);
      // Support from family and the like does not follow need: spread it evenly.
      const double position = is_adjustment[question_idx] ? random.uniform() * (top + 1) - 0.5
                                                          : need * top + 0.7 * random.normal();
      const auto rank = static_cast<std::size_t>(std::clamp(std::lround(position), 0L, static_cast<long>(top)));
      chosen[question_idx] = order[rank];
    }
    const CompiledRulebook::Amounts amounts = compiled.score(chosen.data());
    double current = static_cast<double>(amounts.annual.pence()) * group->cost_bias * std::exp(0.3 * random.normal());
    if (amounts.annual.pence() == 0) current = random.uniform() < 0.3 ? 52.0 * 2500.0 * random.uniform() : 0.0;
    const auto current_pence = static_cast<std::int64_t>(std::llround(current));

    char id[32];
    const int id_length = std::snprintf(id, sizeof id, "P%07lld,", static_cast<long long>(person_idx + 1));
    buffer.append(id, static_cast<std::size_t>(id_length));
    buffer += group->name;
    buffer += ',';
    buffer += std::to_string(current_pence);
    for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
      buffer += ',';
      buffer += rulebook.questions[question_idx].answers[chosen[question_idx]].id;
    }
    buffer += '\n';
    if (buffer.size() > (1 << 20) - 4096) {
      write(buffer);
      buffer.clear();
    }
    if (on_progress && (person_idx + 1) % 65536 == 0) on_progress(person_idx + 1);
  }
  write(buffer);
  if (on_progress) on_progress(options.people);
}

}  // namespace allot::ras
