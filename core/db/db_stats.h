#pragma once
// What a database source cost: the summary's `database` field (DESIGN.md 4.1).
#include <cstdint>
#include <string>

namespace vs {

struct DatabaseStats {
    std::string engine;
    uint64_t rowsScanned = 0;     // rows of the table or query the engine read
    uint64_t rowsTransferred = 0; // rows that came to ValueScope
    double queryMs = 0;
    bool perCustomer = false;     // order lines summed per customer by the engine (else per customer and day)
    uint64_t weekRows = 0;        // of the rows transferred: the tracking chart's weeks (with perCustomer)
};

} // namespace vs
