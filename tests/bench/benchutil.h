#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace sanad::bench {

struct Percentiles
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};

// Nearest-rank percentiles of the samples (milliseconds).
Percentiles percentiles(QList<double> samples);

// Runs the Qt event loop until done() is true or timeoutMs passes; returns done().
bool spinUntil(const std::function<bool()> &done, int timeoutMs);

// Peak resident set size of this process in MiB (VmHWM).
double peakRssMiB();

} // namespace sanad::bench
