import BuiltinCatalog
import Foundation
import TerminalKit
import TriageCore
import TriageUI

// Speed and memory benchmark for Triage. Run: swift run -c release triage-bench [--entries N]
// Prints each measurement next to its target and exits 1 if any target is missed.

struct Target {
    let name: String
    let value: Double
    let limit: Double
    let unit: String
    var passed: Bool { value <= limit }
}

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

/// A catalog of `count` entries made by repeating the shipped ones under new codes and vendors.
func syntheticCatalog(from base: Catalog, count: Int) -> Catalog {
    var entries: [CatalogEntry] = []
    entries.reserveCapacity(count)
    var vendors: [Vendor] = []
    var index = 0
    while entries.count < count {
        let copy = index / max(1, base.entries.count)
        for vendor in base.vendors where copy >= vendors.count / max(1, base.vendors.count) {
            var renamed = vendor
            renamed.id = "\(vendor.id)-\(copy)"
            vendors.append(renamed)
        }
        var entry = base.entries[index % base.entries.count]
        entry.vendor = "\(entry.vendor)-\(copy)"
        entry.code = "\(entry.code)_V\(copy)"
        entries.append(entry)
        index += 1
    }
    return Catalog(vendors: vendors, entries: entries, trees: base.trees)
}

/// Types `query` one character at a time, as the browser does, and returns each keystroke's time.
func keystrokes(_ searcher: Searcher, _ query: String) -> [Double] {
    var times: [Double] = []
    var typed = ""
    for character in query {
        typed.append(character)
        times.append(milliseconds { _ = searcher.search(typed, limit: 200) })
    }
    return times
}

var entryCount = 50_000
let arguments = CommandLine.arguments
if let flag = arguments.firstIndex(of: "--entries"), flag + 1 < arguments.count, let value = Int(arguments[flag + 1]) {
    entryCount = value
}

var targets: [Target] = []
var builtIn = Catalog.empty
let loadTime = milliseconds {
    builtIn = CatalogLoader.load([CatalogSource(name: "built-in", files: BuiltinCatalog.files)]).catalog
}
targets.append(Target(name: "load built-in catalog (\(builtIn.entries.count) codes, \(builtIn.trees.count) trees)",
                      value: loadTime, limit: 150, unit: "ms"))

let queries = ["install not found", "instal not fund", "auth token", "403", "group member banned", "err too many requests"]
var small: Searcher!
let smallIndex = milliseconds { small = Searcher(catalog: builtIn) }
targets.append(Target(name: "index built-in catalog", value: smallIndex, limit: 50, unit: "ms"))
let smallTimes = queries.flatMap { keystrokes(small, $0) }
targets.append(Target(name: "keystroke p99, built-in catalog", value: percentile(smallTimes, 0.99), limit: 5, unit: "ms"))

let big = syntheticCatalog(from: builtIn, count: entryCount)
var large: Searcher!
let largeIndex = milliseconds { large = Searcher(catalog: big) }
targets.append(Target(name: "index \(big.entries.count) entries", value: largeIndex, limit: 3000, unit: "ms"))
var largeTimes: [Double] = []
for query in queries {
    let fresh = Searcher(index: large.index)  // a cold word cache per typed query, as a new search would have
    largeTimes += keystrokes(fresh, query)
}
targets.append(Target(name: "keystroke median, \(big.entries.count) entries", value: percentile(largeTimes, 0.5), limit: 16, unit: "ms"))
targets.append(Target(name: "keystroke p99, \(big.entries.count) entries", value: percentile(largeTimes, 0.99), limit: 75, unit: "ms"))
// The whole browser per keystroke: update (search) and view (a 120x40 frame), as the terminal would see it.
var browser = BrowserProgram(catalog: big)
_ = browser.update(.resize(width: 120, height: 40))
_ = browser.update(.key(.character("/")))
var frameTimes: [Double] = []
for character in "instal not fund" {
    frameTimes.append(milliseconds {
        _ = browser.update(.key(.character(character)))
        _ = browser.view(RenderContext(width: 120, height: 40))
    })
}
targets.append(Target(name: "browser keystroke (search + 120x40 frame) p99, \(big.entries.count) entries",
                      value: percentile(frameTimes, 0.99), limit: 100, unit: "ms"))
targets.append(Target(name: "peak memory", value: peakResidentMegabytes(), limit: 400, unit: "MB"))

var failed = false
for target in targets {
    let verdict = target.passed ? "ok  " : "SLOW"
    failed = failed || !target.passed
    print("\(verdict) \(target.name): \(String(format: "%.2f", target.value)) \(target.unit) (target ≤ \(Int(target.limit)) \(target.unit))")
}
exit(failed ? 1 : 0)
