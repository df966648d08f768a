#pragma once
// Reading and writing the visit scheduling engine's inputs and outputs. The solver
// core does no I/O; this module turns files into solver::Problem values, reporting
// every problem found with its place ("C101.txt:42", "visits[3].time_windows[0]").

#include <string>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"
#include "allot/solver/problem.h"
#include "allot/solver/solution.h"

namespace allot::solver_io {

struct ReadOptions {
  // Solomon and VRPLIB: truncate each arc to one decimal, the DIMACS convention
  // that bks_dimacs.csv uses; false keeps exact Euclidean distances (bks.csv).
  bool truncate_to_tenth = false;
  // Mankowska and iolab: a patient's two services may be done by one carer. Off
  // by default: in the model of Mankowska et al. (2014) a carer visits a patient
  // at most once, so the two services go to two different carers.
  bool one_carer_for_both_services = false;
};

// Solomon text format (name, VEHICLE NUMBER CAPACITY, CUSTOMER table; row 0 the depot).
Result<solver::Problem> read_solomon(const std::string& text, const std::string& source, const ReadOptions& options);
// VRPLIB CVRPTW (.vrp): NODE_COORD, DEMAND, TIME_WINDOW, DEPOT sections; global or per-node SERVICE_TIME.
Result<solver::Problem> read_vrplib(const std::string& text, const std::string& source, const ReadOptions& options);
// Mankowska et al. (2014) home health care text format (nbNodes, nbVehi, nbServi, r, DS, a, x, y, d, p, mind, maxd, e, l).
Result<solver::Problem> read_mankowska(const std::string& text, const std::string& source,
                                       const ReadOptions& options = {});
// The iolab-uniud HHCRSP JSON format (patients, services, caregivers, central_offices, distances).
Result<solver::Problem> read_iolab(const nlohmann::json& document, const std::string& source);

// Allot's own problem JSON (docs/solver.md).
Result<solver::Problem> problem_from_json(const nlohmann::json& document);
nlohmann::json problem_to_json(const solver::Problem& problem);

nlohmann::json solution_to_json(const solver::Problem& problem, const solver::Solution& solution);
Result<solver::Solution> solution_from_json(const solver::Problem& problem, const nlohmann::json& document);

// Reads a file in any of the formats above, chosen by extension and content.
Result<solver::Problem> read_problem_file(const std::string& path, const ReadOptions& options);

}  // namespace allot::solver_io
