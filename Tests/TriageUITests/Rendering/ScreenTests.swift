import TerminalKit
import TestSupport
import Testing
import TriageCore
@testable import TriageUI

/// Whole screens compared with what an engineer should see, on the small fixture catalog (so they only change
/// when the UI does). Styles are checked cell by cell where they carry meaning.
@Suite("Rendered screens")
struct ScreenTests {
    @Test("80x24 at start: vendors with counts | the vendor's codes | the vendor view")
    func start80() {
        let program = BrowserProgram.sized(Fixtures.catalog())
        expectLines(program.render(), [
            "┌ Vendors ─────────┬ Acme (4) ────────────────┬ Vendor ────────────────────────┐",
            "│▸Acme           4 │▸KEY_MISSING     401      │ Acme                           │",
            "│   Auth         2 │ KEY_EXPIRED     401      │ Rocket delivery API            │",
            "│   Orders       2 │ ORDER_NOT_FOUND 404      │ Docs: https://docs.acme.test   │",
            "│   Nothing here 0 │ ORDER_LOCKED    409      │ 4 codes in 3 categories        │",
            "│ Zeta           2 │                          │                                │",
            "│   General      2 │                          │ Notice                         │",
            "│                  │                          │ This page documents the old v1 │",
            "│                  │                          │ API.                           │",
            "│                  │                          │                                │",
            "│                  │                          │ How the API works              │",
            "│                  │                          │ • Errors come as {\"error\":     │",
            "│                  │                          │   CODE}.                       │",
            "│                  │                          │ • The key goes in the          │",
            "│                  │                          │   X-Acme-Key header.           │",
            "│                  │                          │                                │",
            "│                  │                          │ Categories                     │",
            "│                  │                          │ • Auth (2): Keys and tokens.   │",
            "│                  │                          │ • Orders (2)                   │",
            "│                  │                          │ • Nothing here (0)             │",
            "│                  │                          │                                │",
            "│                  │                          │                                │",
            "└──────────────────┴──────────────────── 1/4 ─┴────────────────────────────────┘",
            " Acme                  Enter codes  t trees  / search  Tab pane  ? help  q quit",
        ])
    }

    @Test("80x24 on a code: status, notice, description, hints, related codes, trees")
    func code80() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .enter, .enter, .down)
        let screen = program.render()
        expectLines(screen, [
            "┌ Vendors ─────────┬ Auth (2) ────────────────┬ Detail ────────────────────────┐",
            "│ Acme           4 │▸KEY_MISSING 401          │ KEY_MISSING                    │",
            "│▸  Auth         2 │ KEY_EXPIRED 401          │ Acme › Auth                    │",
            "│   Orders       2 │                          │ HTTP 401                       │",
            "│   Nothing here 0 │                          │ ! This page documents the old  │",
            "│ Zeta           2 │                          │   v1 API.                      │",
            "│   General      2 │                          │                                │",
            "│                  │                          │ The request has no API key.    │",
            "│                  │                          │                                │",
            "│                  │                          │ Likely causes                  │",
            "│                  │                          │ • The X-Acme-Key header is     │",
            "│                  │                          │   missing.                     │",
            "│                  │                          │                                │",
            "│                  │                          │ What to check                  │",
            "│                  │                          │ • The request headers.         │",
            "│                  │                          │                                │",
            "│                  │                          │ Related codes                  │",
            "│                  │                          │ → KEY_EXPIRED  401             │",
            "│                  │                          │ → Zeta 1  403  API Key not va… │",
            "│                  │                          │                                │",
            "│                  │                          │ Guided diagnosis               │",
            "│                  │                          │ → Acme key problems            │",
            "└──────────────────┴──────────────────── 1/2 ─┴────────────────────── 1-21/23 ─┘",
            " Acme › Auth › KEY_MISSING    Enter follow  d diagnose  t trees  / find  ? help",
        ])
        // The selected link (KEY_EXPIRED) is reversed across the detail pane; the focused pane's title too.
        let detail = program.state.layout.detail
        #expect(screen[detail.x + 2, 17].style.reverse)
        #expect(screen[detail.x + detail.width - 1, 17].style.reverse)
        #expect(!screen[detail.x + 2, 18].style.reverse)
        #expect(screen[detail.x + 1, 0].style.reverse)
        #expect(!screen[2, 0].style.reverse)
        // The selected code of the unfocused codes pane is marked, not reversed.
        #expect(screen[program.state.layout.list.x + 1, 1].style.reverse == false)
    }

    @Test("without Unicode the frame is drawn with | - +")
    func ascii() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .enter, .enter, .down)
        expectLines(program.render(unicode: false), [
            "+ Vendors ---------+ Auth (2) ----------------+ Detail ------------------------+",
            "| Acme           4 |>KEY_MISSING 401          | KEY_MISSING                    |",
            "|>  Auth         2 | KEY_EXPIRED 401          | Acme > Auth                    |",
            "|   Orders       2 |                          | HTTP 401                       |",
            "|   Nothing here 0 |                          | ! This page documents the old  |",
            "| Zeta           2 |                          |   v1 API.                      |",
            "|   General      2 |                          |                                |",
            "|                  |                          | The request has no API key.    |",
            "|                  |                          |                                |",
            "|                  |                          | Likely causes                  |",
            "|                  |                          | * The X-Acme-Key header is     |",
            "|                  |                          |   missing.                     |",
            "|                  |                          |                                |",
            "|                  |                          | What to check                  |",
            "|                  |                          | * The request headers.         |",
            "|                  |                          |                                |",
            "|                  |                          | Related codes                  |",
            "|                  |                          | -> KEY_EXPIRED  401            |",
            "|                  |                          | -> Zeta 1  403  API Key not v~ |",
            "|                  |                          |                                |",
            "|                  |                          | Guided diagnosis               |",
            "|                  |                          | -> Acme key problems           |",
            "+------------------+-------------------- 1/2 -+---------------------- 1-21/23 -+",
            " Acme > Auth > KEY_MISSING    Enter follow  d diagnose  t trees  / find  ? help",
        ])
    }

    @Test("120x40 with accepted search results: mixed vendors get a vendor column")
    func search120() {
        var program = BrowserProgram.sized(Fixtures.catalog(), width: 120, height: 40)
        program.send(.character("/"))
        program.type("key")
        program.send(.enter)
        let screen = program.render()
        expectLines(screen, [
            "┌ Vendors ───────────────┬ Search: all (3) ────────────────────────┬ Detail ───────────────────────────────────────────┐",
            "│▸Acme                 4 │▸KEY_MISSING 401                    Acme │ KEY_MISSING                                       │",
            "│   Auth               2 │ KEY_EXPIRED 401                    Acme │ Acme › Auth                                       │",
            "│   Orders             2 │ 1           403 API Key not valid  Zeta │ HTTP 401                                          │",
            "│   Nothing here       0 │                                         │ ! This page documents the old v1 API.             │",
            "│ Zeta                 2 │                                         │                                                   │",
            "│   General            2 │                                         │ The request has no API key.                       │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │ Likely causes                                     │",
            "│                        │                                         │ • The X-Acme-Key header is missing.               │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │ What to check                                     │",
            "│                        │                                         │ • The request headers.                            │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │ Related codes                                     │",
            "│                        │                                         │ → KEY_EXPIRED  401                                │",
            "│                        │                                         │ → Zeta 1  403  API Key not valid                  │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │ Guided diagnosis                                  │",
            "│                        │                                         │ → Acme key problems                               │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │ Also known as: unauthorized                       │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "│                        │                                         │                                                   │",
            "└────────────────────────┴─────────────────────────────────── 1/3 ─┴───────────────────────────────────────────────────┘",
            " Search “key” › KEY_MISSING     Esc clear search  Enter detail  d diagnose  t trees  / search  Tab pane  ? help  q quit",
        ])
        // KEY_MISSING: the matched "KEY" is highlighted (on the reversed selection bar), "_MISSING" is not.
        let x = program.state.layout.list.x + 1
        for column in x..<(x + 3) {
            #expect(screen[column, 1].style.underline)
            #expect(screen[column, 1].style.foreground == .yellow)
            #expect(screen[column, 1].style.reverse)
        }
        #expect(!screen[x + 3, 1].style.underline)
        #expect(!screen[x + 4, 2].style.underline)
        // Zeta 1: "Key" inside the message "API Key not valid".
        let message = Array(screen.lines[3])
        if let k = message.firstIndex(of: "K") {
            #expect(screen[k, 3].style.underline && screen[k + 2, 3].style.underline)
            #expect(!screen[k - 2, 3].style.underline)
        } else {
            Issue.record("no message on row 3")
        }
    }

    @Test("the search prompt shows the query, the result count and the scope, with the cursor after the query")
    func prompt() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("order")
        let screen = program.render()
        #expect(screen.lines[23] == " /order           2 results in all vendors  Tab scope  Enter accept  Esc cancel")
        #expect(screen.cursor?.x == 7)
        #expect(screen.cursor?.y == 23)
        #expect(program.render().lines[0].hasPrefix("┌ Vendors ─────────┬ Search: all (2) ─────────┬"))
        program.send(.enter)
        #expect(program.render().cursor == nil)
    }

    @Test("narrow terminals show one pane at a time")
    func narrow() {
        var program = BrowserProgram.sized(Fixtures.catalog(), width: 50, height: 12)
        program.send(.down, .enter)
        expectLines(program.render(), [
            "┌ Vendors · Codes: Auth (2) · Detail ────────────┐",
            "│▸KEY_MISSING 401                                │",
            "│ KEY_EXPIRED 401                                │",
            "│                                                │",
            "│                                                │",
            "│                                                │",
            "│                                                │",
            "│                                                │",
            "│                                                │",
            "│                                                │",
            "└────────────────────────────────────────── 1/2 ─┘",
            " Acme › Auth › KEY_MISSING   Enter detail  ? help",
        ])
        program.send(.enter)
        #expect(program.render().lines[0].hasPrefix("┌ Vendors · Codes · Detail ─"))
        #expect(program.render().lines[1] == "│ KEY_MISSING                                    │")
    }

    @Test("below 30x8 a clear message replaces the UI, which comes back when the window grows")
    func tooSmall() {
        var program = BrowserProgram.sized(Fixtures.catalog(), width: 29, height: 7)
        expectLines(program.render(), [
            "",
            "     Terminal too small",
            " Triage needs 30x8; this one",
            "is 29x7. Enlarge the window,",
            "  or press Ctrl-C to quit.",
            "",
            "",
        ])
        #expect(program.render()[5, 1].style.bold)
        _ = program.update(.resize(width: 80, height: 24))
        expectLines(program.render(), [
            "┌ Vendors ─────────┬ Acme (4) ────────────────┬ Vendor ────────────────────────┐",
            "│▸Acme           4 │▸KEY_MISSING     401      │ Acme                           │",
            "│   Auth         2 │ KEY_EXPIRED     401      │ Rocket delivery API            │",
            "│   Orders       2 │ ORDER_NOT_FOUND 404      │ Docs: https://docs.acme.test   │",
            "│   Nothing here 0 │ ORDER_LOCKED    409      │ 4 codes in 3 categories        │",
            "│ Zeta           2 │                          │                                │",
            "│   General      2 │                          │ Notice                         │",
            "│                  │                          │ This page documents the old v1 │",
            "│                  │                          │ API.                           │",
            "│                  │                          │                                │",
            "│                  │                          │ How the API works              │",
            "│                  │                          │ • Errors come as {\"error\":     │",
            "│                  │                          │   CODE}.                       │",
            "│                  │                          │ • The key goes in the          │",
            "│                  │                          │   X-Acme-Key header.           │",
            "│                  │                          │                                │",
            "│                  │                          │ Categories                     │",
            "│                  │                          │ • Auth (2): Keys and tokens.   │",
            "│                  │                          │ • Orders (2)                   │",
            "│                  │                          │ • Nothing here (0)             │",
            "│                  │                          │                                │",
            "│                  │                          │                                │",
            "└──────────────────┴──────────────────── 1/4 ─┴────────────────────────────────┘",
            " Acme                  Enter codes  t trees  / search  Tab pane  ? help  q quit",
        ])
        for (width, height) in [(1, 1), (0, 0), (5, 2), (30, 7), (29, 8)] {
            _ = program.update(.resize(width: width, height: height))
            let screen = program.render()
            #expect(screen.width == width && screen.height == height)
            if width >= 10, height >= 2 { #expect(screen.text.contains("Terminal too small")) }
        }
    }

    @Test("? shows every key over the browser, all of them at 80x24")
    func help() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("?"))
        expectLines(program.render(), [
            "┌ ┌─ Keys ───────────────────────────────────────────────────────────────────┐─┐",
            "│▸│ Move                                                                     │ │",
            "│ │ Up Down  k j        Move; in the detail, to the next link or line        │ │",
            "│ │ PgUp PgDn           Page up / down                                       │ │",
            "│ │ g G  Home End       First / last                                         │ │",
            "│ │ Panes                                                                    │ │",
            "│ │ Tab  Shift-Tab      Next / previous pane                                 │ │",
            "│ │ Enter  l  Right     Open: the codes, the detail, the selected link       │ │",
            "│ │ Esc  h  Left  Bksp  Back: code before a jump, out of results, pane       │ │",
            "│ │ Search                                                                   │ │",
            "│ │ /                   Search the codes; every key re-ranks them            │ │",
            "│ │ /  n  N (detail)    Find in the detail, as less does; next / previous    │ │",
            "│ │ Up Down PgUp PgDn   Move in the results (typed q j k are text)           │ │",
            "│ │ Enter  Esc          Accept: move into the results / cancel the search    │ │",
            "│ │ Ctrl-U  Ctrl-W      Clear / delete a word; Left Right Home End move      │ │",
            "│ │ Tab  Ctrl-V         Scope: all vendors or the selected one               │ │",
            "│ │ Other                                                                    │ │",
            "│ │ ?  F1  q  Ctrl-C    This help / quit (Ctrl-C also while typing)          │ │",
            "│ │ d  t  D  e          Diagnose / every tree / resume / explain a paste     │ │",
            "│ │ S  y  T  o  !       Sessions / copy the code / ticket / docs / flag      │ │",
            "│ │ Mouse               Click selects or follows a link; the wheel scrolls   │ │",
            "│ │ Ctrl-L/Z/O          Repaint / suspend (fg returns) / the open diagnoses  │ │",
            "└─└───────────────────────────────────────────────────────── any key closes ─┘─┘",
            " Help                                                                 Esc close",
        ])
    }

    @Test("catalog text cannot send escape sequences to the terminal")
    func sanitized() {
        let hostile = """
        vendor:
          id: evil
          name: "Evil\\e[31m"
        categories:
          - id: c
            name: "Cat\\u0007"
        codes:
          - code: "BAD\\e]0;pwned\\a"
            category: c
            description: "Clears the screen \\e[2J now."
        """
        let loaded = CatalogLoader.load([CatalogSource(name: "t", files: [("evil.yaml", hostile)])])
        var program = BrowserProgram.sized(loaded.catalog)
        program.send(.tab)
        let screen = program.render()
        for cell in screen.cells {
            #expect(!cell.text.unicodeScalars.contains { TerminalSafe.isUnsafe($0) || $0 == "\t" || $0 == "\n" })
        }
        #expect(screen.text.contains("BAD^[]0;pwned^G"))
        #expect(screen.text.contains("Clears the screen ^[[2J now."))
    }
}
