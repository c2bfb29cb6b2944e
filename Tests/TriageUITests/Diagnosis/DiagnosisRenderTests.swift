import TerminalKit
import TestSupport
import Testing
import TriageCore
@testable import TriageUI

/// Whole diagnosis screens compared with what an engineer should see, on the fixture tree (so they only change
/// when the UI does): a question, an ask step and a conclusion at 80x24 (path stacked above the step) and
/// 120x40 (path beside the step), and the tree picker.
@Suite("Diagnosis screen: rendering")
struct DiagnosisRenderTests {
    /// The fixture tree at its conclusion (wrong account), at 80x24.
    func atConclusion() -> DiagnosisScreen {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"))
        screen.type("sk-live-123")
        screen.send(.enter)
        screen.type("acct-42")
        screen.send(.enter, .character("1"))
        return screen
    }

    @Test("80x24 question: the path above (the code's answer implied), prompt, detail, numbered answers")
    func question80() {
        let screen = DiagnosisFixtures.fromKeyMissing()
        let rendered = screen.render()
        expectLines(rendered, [
            "┌ Path (1) ────────────────────────────────────────────────────────────────────┐",
            "│  1 Which code is in the error body? → KEY_MISSING (implied by the code)      │",
            "├ Question 2 · Acme rejects the request ───────────────────────────────────────┤",
            "│ Does the request carry the X-Acme-Key header?                                │",
            "│                                                                              │",
            "│ Look at the raw request, not at the client code.                             │",
            "│                                                                              │",
            "│ ▸1 Yes                                                                       │",
            "│  2 No                                                                        │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            " KEY_MISSING                    1-2 answer  n note  Tab path  ? help  Esc leave",
        ])
        // The selected answer is reversed across the pane, with its marker; the focused pane's title too.
        let step = screen.layout.step
        let row = step.y + screen.stepDocument().targetLines[0].lowerBound
        #expect(rendered[step.x + 4, row].style.reverse)
        #expect(rendered[step.x + step.width - 1, row].style.reverse)
        #expect(!rendered[step.x + 4, row + 1].style.reverse)
        #expect(rendered[step.x + 1, step.y - 1].style.reverse)
        #expect(!rendered[2, 0].style.reverse)
        #expect(rendered.cursor == nil)
    }

    @Test("120x40 question: the path beside the step, each step wrapped in full")
    func question120() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.resize(width: 120, height: 40)
        expectLines(screen.render(), [
            "┌ Path (1) ──────────────────────────────┬ Question 2 · Acme rejects the request ──────────────────────────────────────┐",
            "│  1 Which code is in the error body?    │ Does the request carry the X-Acme-Key header?                               │",
            "│    KEY_MISSING                         │                                                                             │",
            "│    implied by code KEY_MISSING         │ Look at the raw request, not at the client code.                            │",
            "│                                        │                                                                             │",
            "│                                        │ ▸1 Yes                                                                      │",
            "│                                        │  2 No                                                                       │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "└────────────────────────────────────────┴─────────────────────────────────────────────────────────────────────────────┘",
            " KEY_MISSING                                                            1-2 answer  n note  Tab path  ? help  Esc leave",
        ])
    }

    @Test("80x24 ask: the value field (a secret masked while typed) with the cursor after it, and how to leave it")
    func ask80() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"))
        screen.type("sk-live-123")
        let rendered = screen.render()
        expectLines(rendered, [
            "┌ Path (2) ────────────────────────────────────────────────────────────────────┐",
            "│  1 Which code is in the error body? → KEY_MISSING (implied by the code)      │",
            "│  2 Does the request carry the X-Acme-Key header? → Yes                       │",
            "├ Question 3 · Acme rejects the request ───────────────────────────────────────┤",
            "│ Which key did the request send?                                              │",
            "│                                                                              │",
            "│ The value of the X-Acme-Key header.                                          │",
            "│                                                                              │",
            "│ ▸ •••••••••••                                                                │",
            "│ Ctrl-T: I can't tell from the ticket                                         │",
            "│ Typing: letters are text here. Enter submits, Esc leaves the field.          │",
            "│ Secret: masked while you type (Ctrl-R shows it), and [secret] everywhere     │",
            "│ after this step.                                                             │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            " KEY_MISSING     Enter submit  Ctrl-T can't tell  Esc leave field  Ctrl-U clear",
        ])
        #expect(rendered.cursor?.x == 15)
        #expect(rendered.cursor?.y == 8)
        #expect(rendered[4, 8].style.underline)
        #expect(rendered[40, 8].style.underline)
    }

    @Test("120x40 ask")
    func ask120() {
        var screen = DiagnosisFixtures.fromKeyMissing(width: 120, height: 40)
        screen.send(.character("1"))
        screen.type("sk-live-123")
        expectLines(screen.render(), [
            "┌ Path (2) ──────────────────────────────┬ Question 3 · Acme rejects the request ──────────────────────────────────────┐",
            "│  1 Which code is in the error body?    │ Which key did the request send?                                             │",
            "│    KEY_MISSING                         │                                                                             │",
            "│    implied by code KEY_MISSING         │ The value of the X-Acme-Key header.                                         │",
            "│  2 Does the request carry the          │                                                                             │",
            "│    X-Acme-Key header?                  │ ▸ •••••••••••                                                               │",
            "│    Yes                                 │ Ctrl-T: I can't tell from the ticket                                        │",
            "│                                        │ Typing: letters are text here. Enter submits, Esc leaves the field.         │",
            "│                                        │ Secret: masked while you type (Ctrl-R shows it), and [secret] everywhere    │",
            "│                                        │ after this step.                                                            │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "└────────────────────────────────────────┴─────────────────────────────────────────────────────────────────────────────┘",
            " KEY_MISSING                                             Enter submit  Ctrl-T can't tell  Esc leave field  Ctrl-U clear",
        ])
    }

    @Test("80x24 conclusion: diagnosis, numbered steps, why, related codes as links, escalation (scrolled)")
    func conclusion80() {
        expectLines(atConclusion().render(), [
            "┌ Path (5) ────────────────────────────────────────────────────────────────────┐",
            "│  1 Which code is in the error body? → KEY_MISSING (implied by the code)      │",
            "│  2 Does the request carry the X-Acme-Key header? → Yes                       │",
            "│  3 Which key did the request send? → [secret]                                │",
            "│  4 Which account should the key open? → acct-42                              │",
            "│  5 Does key [secret] belong to account … → No: it belongs to another account │",
            "├ Conclusion · Acme rejects the request ───────────────────────────────────────┤",
            "│ The key [secret] belongs to another account than acct-42                     │",
            "│                                                                              │",
            "│ Steps                                                                        │",
            "│ 1. Create a key in account acct-42.                                          │",
            "│ 2. Deploy it to every service that calls Acme.                               │",
            "│                                                                              │",
            "│ Why                                                                          │",
            "│ Each account has its own keys; a key opens only the account it was made in.  │",
            "│                                                                              │",
            "│ Related codes                                                                │",
            "│ → KEY_EXPIRED  401                                                           │",
            "│ → Zeta 1  403  API Key not valid                                             │",
            "│                                                                              │",
            "│ Escalate to Acme                                                             │",
            "│ When: A key of the right account is refused too.                             │",
            "└──────────────────────────────────────────────────────────────────── 1-15/18 ─┘",
            " KEY_MISSING  1 2 3 solved / not / escalated  s save transcript  y copy  b back",
        ])
    }

    @Test("120x40 conclusion")
    func conclusion120() {
        var screen = atConclusion()
        screen.resize(width: 120, height: 40)
        expectLines(screen.render(), [
            "┌ Path (5) ──────────────────────────────┬ Conclusion · Acme rejects the request ──────────────────────────────────────┐",
            "│  1 Which code is in the error body?    │ The key [secret] belongs to another account than acct-42                    │",
            "│    KEY_MISSING                         │                                                                             │",
            "│    implied by code KEY_MISSING         │ Steps                                                                       │",
            "│  2 Does the request carry the          │ 1. Create a key in account acct-42.                                         │",
            "│    X-Acme-Key header?                  │ 2. Deploy it to every service that calls Acme.                              │",
            "│    Yes                                 │                                                                             │",
            "│  3 Which key did the request send?     │ Why                                                                         │",
            "│    [secret]                            │ Each account has its own keys; a key opens only the account it was made in. │",
            "│  4 Which account should the key open?  │                                                                             │",
            "│    acct-42                             │ Related codes                                                               │",
            "│  5 Does key [secret] belong to account │ → KEY_EXPIRED  401                                                          │",
            "│    acct-42 in the dashboard?           │ → Zeta 1  403  API Key not valid                                            │",
            "│    No: it belongs to another account   │                                                                             │",
            "│                                        │ Escalate to Acme                                                            │",
            "│                                        │ When: A key of the right account is refused too.                            │",
            "│                                        │ Include:                                                                    │",
            "│                                        │ • the request id                                                            │",
            "│                                        │ • the account acct-42                                                       │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "│                                        │                                                                             │",
            "└────────────────────────────────────────┴─────────────────────────────────────────────────────────────────────────────┘",
            " KEY_MISSING     1 2 3 solved / not / escalated  s save transcript  y copy  b back  n note  Tab path  ? help  Esc leave",
        ])
    }

    @Test("without Unicode the frame and marks are ASCII")
    func ascii() {
        expectLines(atConclusion().render(unicode: false), [
            "+ Path (5) --------------------------------------------------------------------+",
            "|  1 Which code is in the error body? -> KEY_MISSING (implied by the code)     |",
            "|  2 Does the request carry the X-Acme-Key header? -> Yes                      |",
            "|  3 Which key did the request send? -> [secret]                               |",
            "|  4 Which account should the key open? -> acct-42                             |",
            "|  5 Does key [secret] belong to account~ -> No: it belongs to another account |",
            "+ Conclusion - Acme rejects the request ---------------------------------------+",
            "| The key [secret] belongs to another account than acct-42                     |",
            "|                                                                              |",
            "| Steps                                                                        |",
            "| 1. Create a key in account acct-42.                                          |",
            "| 2. Deploy it to every service that calls Acme.                               |",
            "|                                                                              |",
            "| Why                                                                          |",
            "| Each account has its own keys; a key opens only the account it was made in.  |",
            "|                                                                              |",
            "| Related codes                                                                |",
            "| -> KEY_EXPIRED  401                                                          |",
            "| -> Zeta 1  403  API Key not valid                                            |",
            "|                                                                              |",
            "| Escalate to Acme                                                             |",
            "| When: A key of the right account is refused too.                             |",
            "+-------------------------------------------------------------------- 1-15/18 -+",
            " KEY_MISSING  1 2 3 solved / not / escalated  s save transcript  y copy  b back",
        ])
    }

    @Test("the tree picker for a code: the most specific tree first, counts, the selected tree's summary")
    func picker() {
        let picker = TreePicker(catalog: DiagnosisFixtures.catalog(), code: DiagnosisFixtures.keyMissing)
        var screen = Buffer(width: 80, height: 24)
        picker.draw(into: &screen, x: 0, y: 0, width: 80, height: 24, context: RenderContext(width: 80, height: 24))
        expectLines(screen, [
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "  ┌─ Trees for KEY_MISSING (2) ──────────────────────────────────────────────┐",
            "  │▸1 Acme key problems                                              1 code  │",
            "  │ 2 Acme rejects the request                                      2 codes  │",
            "  ├──────────────────────────────────────────────────────────────────────────┤",
            "  │ Diagnoses KEY_MISSING.                                                   │",
            "  │ Acme · acme-keys                                                         │",
            "  │                                                                          │",
            "  └───────────────────────────────── Type to filter  Enter start  Esc close ─┘",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])
    }
}
