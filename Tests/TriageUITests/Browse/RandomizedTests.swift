import Foundation
import TerminalKit
import Testing
import TestSupport
import TriageCore
@testable import TriageUI

/// Throws random keys, mouse events and resizes at the browser and checks after every event that the selection
/// still points at a real entry (and every other invariant holds), rendering regularly. Seeded: a failure
/// message names the seed and the event number to replay.
@Suite("Randomized input")
struct RandomizedTests {
    @Test("sends 100,000 key events, with resizes between 1x1 and 300x100 mixed in, and checks that nothing crashes and the selection always points at a real entry")
    func hundredThousandEvents() {
        run(catalog: Fixtures.catalog(), seed: 0x7269_6167_6521, events: 100_000)
    }

    @Test("random input on the shipped catalog", arguments: [UInt64(1), 2])
    func shipped(seed: UInt64) {
        run(catalog: Fixtures.shipped, seed: seed, events: 5_000)
    }

    @Test("SplitMix64 is deterministic")
    func generator() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let a = (0..<5).map { _ in first.next() }
        #expect(a == (0..<5).map { _ in second.next() })
        #expect(Set(a).count == 5)
    }

    /// Counts the transcripts `s` saved, writing nothing.
    final class SaveCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var saved = 0
        var count: Int { lock.withLock { saved } }
        func add() { lock.withLock { saved += 1 } }
    }

    func run(catalog: Catalog, seed: UInt64, events: Int) {
        var random = SplitMix64(seed: seed)
        let saves = SaveCounter()
        let saver = TranscriptSaver { draft in
            saves.add()
            return "/nowhere/\(draft.fileName)"
        }
        var program = BrowserProgram.sized(catalog, width: 80, height: 24,
                                           options: BrowserOptions())
        var quits = 0
        var renders = 0
        // Which states the run went through, so it is known to cover them.
        var modes = Set<BrowserMode>()
        var panes = Set<Pane>()
        var layouts = Set<BrowserLayout.Kind>()
        var seen = Set<String>()
        for number in 0..<events {
            let event = Self.event(&random, program.state)
            let update = program.update(event)
            if update.result == .quit { quits += 1 }
            for effect in update.effects { _ = program.answer(effect.perform(transcripts: saver)) }
            modes.insert(program.state.mode)
            panes.insert(program.state.browse.focus)
            if number % 64 == 0 {
                layouts.insert(program.state.layout.kind)
                if program.state.browse.isSearching { seen.insert("results") }
            }
            if !program.state.browse.history.isEmpty { seen.insert("jumped") }
            if program.state.browse.detailPane.selection != nil { seen.insert("link") }
            if let diagnosis = program.state.diagnosis, program.state.mode == .diagnosis {
                if diagnosis.session.path.contains(where: \.isAnswered) { seen.insert("answered") }
                if diagnosis.session.isFinished { seen.insert("conclusion") }
                if diagnosis.noteDraft != nil { seen.insert("note") }
            }
            let violations = program.state.invariantViolations(deep: number % 512 == 0)
            if !violations.isEmpty {
                Issue.record("seed \(seed), event \(number) (\(event)): \(violations)")
                return
            }
            let resized: Bool
            if case .resize = event { resized = true } else { resized = false }
            if resized || number % 400 == 0 {
                let screen = program.render(unicode: number % 3 != 0)
                renders += 1
                guard screen.width == program.state.width, screen.height == program.state.height else {
                    Issue.record("seed \(seed), event \(number): screen \(screen.width)x\(screen.height)")
                    return
                }
                if screen.cells.contains(where: { $0.text.unicodeScalars.contains(where: TerminalSafe.isUnsafe) }) {
                    Issue.record("seed \(seed), event \(number): a control character reached the screen")
                    return
                }
            }
        }
        #expect(quits > 0)
        #expect(renders > events / 1000)
        #expect(modes.isSuperset(of: [.browse, .search, .find, .help, .trees, .diagnosis, .explain, .sessions]))
        #expect(panes == Set(Pane.allCases))
        #expect(layouts == [.wide, .narrow, .tooSmall])
        #expect(seen.isSuperset(of: ["results", "link", "answered", "conclusion", "note"]), "\(seen)")
        #expect(saves.count > 0, "s saved no transcript")
        if events >= 100_000 { #expect(seen.contains("jumped")) }
    }

    /// Mostly keys (biased to the ones the browser uses), some mouse events, now and then a resize.
    static func event(_ random: inout SplitMix64, _ state: BrowserState) -> InputEvent {
        let roll = Int.random(in: 0..<1000, using: &random)
        if roll < 3 {
            // Resize: small sizes often, up to 300x100.
            let small = Bool.random(using: &random)
            let width = small ? Int.random(in: 1...40, using: &random) : Int.random(in: 1...300, using: &random)
            let height = small ? Int.random(in: 1...12, using: &random) : Int.random(in: 1...100, using: &random)
            return .resize(width: width, height: height)
        }
        if roll < 25 {
            let kinds: [MouseEvent.Kind] = [.press, .wheelUp, .wheelDown]
            return .mouse(MouseEvent(kind: kinds.randomElement(using: &random)!,
                                     x: Int.random(in: -2...(state.width + 2), using: &random),
                                     y: Int.random(in: -2...(state.height + 2), using: &random)))
        }
        return .key(key(&random))
    }

    static let navigation: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape,
                                    .backspace, .tab, .backTab, .delete, .function(1), .function(5)]
    /// Includes the diagnosis keys: d t D, digits, s n r b i.
    static let letters = Array("jkhlgGq?/ jjkkll/ abcdefinorstuvwxyz KEY_MISSING 1 -1 404 é漢\u{1B}\t dtDsnrbi 123456789")
    static let controls: [Character] = ["c", "u", "w", "v", "a", "l", "z"]

    static func key(_ random: inout SplitMix64) -> Key {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<45: return navigation.randomElement(using: &random)!
        case 45..<97: return .character(letters.randomElement(using: &random)!)
        default:
            let control = controls.randomElement(using: &random)!
            // Ctrl-C quits; keep it rarer than the others.
            return control == "c" && Bool.random(using: &random) ? .control("u") : .control(control)
        }
    }
}
