// LEMON's network simplex on a DIMACS "p min" file, for bench/allocation_lemon.sh (issue 18): prints
// {"cost": C, "seconds": S} with S the solve alone (reading excluded), as `masterplan bench allocate` does.
//   g++ -O2 -o /tmp/lemon_mcf bench/lemon_mcf.cpp -llemon && /tmp/lemon_mcf national.min
#include <chrono>
#include <cstdio>
#include <fstream>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

int main(int argc, char** argv) {
    if (argc != 2) { std::fprintf(stderr, "usage: lemon_mcf FILE\n"); return 2; }
    std::ifstream in(argv[1]);
    lemon::SmartDigraph g;
    lemon::SmartDigraph::ArcMap<long long> lower(g), capacity(g), cost(g);
    lemon::SmartDigraph::NodeMap<long long> supply(g);
    lemon::readDimacsMin(in, g, lower, capacity, cost, supply);
    auto start = std::chrono::steady_clock::now();
    lemon::NetworkSimplex<lemon::SmartDigraph, long long, long long> ns(g);
    ns.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
    auto status = ns.run();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (status != decltype(ns)::OPTIMAL) { std::printf("{\"status\": \"not optimal\", \"seconds\": %.6f}\n", seconds); return 1; }
    std::printf("{\"cost\": %lld, \"seconds\": %.6f}\n", ns.totalCost<long long>(), seconds);
    return 0;
}
