import BuiltinCatalog
import Foundation
import TerminalKit
import TriageCore
import TriageUI

/// Masking, explain and the paste box on adversarial input (issue 19), in process on the built-in catalog: each
/// shape at 256 KiB and 1 MiB. A figure is the 1 MiB time (target ≤ 2 s) or the growth from 256 KiB to 1 MiB
/// (target ≤ 6x: linear is 4x, the quadratic masking of before was 16x).
struct AdversarialBench {
    /// The shapes the attack used: distinct tokens (one per line), one token repeated on every line, lazy spaces.
    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("distinct", { bytes in
            var text = ""
            var line = 0
            while text.utf8.count < bytes {
                text += "GET /v1/u/\(line) Authorization: Bearer tk\(line)x\(line &* 7919) apikey=k\(line)q\(line &* 31)\n"
                line += 1
            }
            return text
        }),
        ("repeated", { bytes in
            let line = "10:00:01 GET /v1/users?api_key=sk_live_0123456789abcdef -> 429 token sk_live_0123456789abcdef\n"
            return String(repeating: line, count: bytes / line.utf8.count + 1)
        }),
        ("lazy spaces", { bytes in
            let half = bytes / 2 - 40
            return "Authorization:" + String(repeating: " ", count: half) + "bearer" + String(repeating: " ", count: half)
                + "\"password\": \"x"
        }),
    ]

    static func measure(smoke: Bool) -> SizeReport {
        var report = SizeReport(name: "adversarial input (1 MiB)", codes: 0)
        let catalog = CatalogLoader.load([CatalogSource.builtIn(BuiltinCatalog.files)]).catalog
        let searcher = Searcher(catalog: catalog)
        let small = smoke ? 16 << 10 : 256 << 10
        let large = smoke ? 64 << 10 : 1 << 20
        for shape in shapes {
            let inputs = (shape.make(small), shape.make(large))
            let steps: [(String, (String) -> Void)] = [
                ("masking", { _ = SecretMasker.masking($0) }),
                ("explain", { _ = Explainer.explain(PasteInput(text: $0), searcher: searcher) }),
                ("paste box", { text in
                    var browser = BrowserProgram(catalog: catalog)
                    _ = browser.update(.resize(width: 120, height: 40))
                    _ = browser.update(.key(.character("e")))
                    _ = browser.update(.paste(text))
                    _ = browser.view(RenderContext(width: 120, height: 40))
                }),
            ]
            for (step, run) in steps {
                let smallTime = time(runs: smoke ? 1 : 3) { run(inputs.0) }
                let largeTime = time(runs: smoke ? 1 : 3) { run(inputs.1) }
                report.figures.append(Figure(name: "\(step), \(shape.name)", value: largeTime, unit: "ms", target: 2000))
                report.figures.append(Figure(name: "\(step), \(shape.name): growth",
                                             value: largeTime / max(smallTime, 0.001), unit: "x", target: 6,
                                             targetNote: "linear is 4x"))
            }
            let work = SecretMasker.masking(inputs.1).work
            report.figures.append(Figure(name: "masking, \(shape.name): bytes looked at / byte",
                                         value: Double(work) / Double(inputs.1.utf8.count), unit: "x"))
        }
        return report
    }

    /// The best of `runs` runs, in milliseconds.
    private static func time(runs: Int, _ body: () -> Void) -> Double {
        (0..<runs).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }.min() ?? 0
    }
}
