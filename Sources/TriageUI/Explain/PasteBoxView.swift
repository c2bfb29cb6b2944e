import TerminalKit
import TriageCore

/// Draws the paste box: while editing, the text typed or pasted (its end, with the cursor); once explained, the
/// code (or the candidates), why, the evidence and the paste with its secrets masked; then the status line.
extension PasteBox {
    /// At most this many lines of the paste are laid out (a 1 MiB paste must not be wrapped on every key).
    static let shownLines = 200

    func draw(into screen: inout Buffer, width: Int, height: Int, catalog: Catalog, glyphs: BoxGlyphs) {
        let layout = PasteBoxLayout(width: width, height: height)
        guard layout.content.width > 4, layout.content.height > 0 else { return }
        screen.fill(x: 0, y: 0, width: width, height: height)
        let document = self.document(width: layout.content.width, catalog: catalog, glyphs: glyphs)
        Modal.draw(into: &screen, frame: layout.frame, title: document.title, titleStyle: Theme.focusedTitle,
                   border: Theme.border, glyphs: glyphs)
        let maxScroll = max(0, document.lines.count - layout.content.height)
        let top = isEditing ? maxScroll : min(scroll, maxScroll)
        let selection = explanation.flatMap { $0.recognised == nil && !$0.candidates.isEmpty ? selected : nil }
            .map { DocumentView.Selection(region: $0, marker: Span(glyphs.marker, Theme.key), reverse: true, bold: true, undim: true) }
        DocumentView.render(document, scroll: top, selection: selection, in: layout.content, into: &screen,
                            ellipsis: glyphs.ellipsis)
        if let footer = Frame.position(scroll: top, lines: document.lines.count, height: layout.content.height) {
            Frame.footer(footer, style: Theme.dim, pane: layout.content, row: layout.frame.height - 1, glyphs: glyphs, into: &screen)
        }
        if isEditing, let last = document.lines.last {
            let row = document.lines.count - 1 - top
            if row >= 0, row < layout.content.height {
                screen.cursor = (x: min(layout.content.x + last.width, layout.content.x + layout.content.width - 1),
                                 y: layout.content.y + row)
            }
        }
        drawStatus(into: &screen, rect: layout.status, glyphs: glyphs)
    }

    private func drawStatus(into screen: inout Buffer, rect: Rect, glyphs: BoxGlyphs) {
        guard rect.height > 0, rect.width > 2 else { return }
        let left = StyledLine(message ?? (isEditing ? "Paste what the customer sent" : "Explained"),
                              message == nil ? Theme.dim : Theme.message)
        let room = StatusBar.draw(into: &screen, x: rect.x, y: rect.y, width: rect.width,
                                  hints: StatusBar.hints(activeKeys, for: self, keyStyle: Theme.key),
                                  budget: rect.width - 4 - min(left.width, rect.width / 3), ellipsis: glyphs.ellipsis)
        screen.draw(left, x: room.x, y: rect.y, width: room.width, ellipsis: glyphs.ellipsis)
    }

    /// The box's content at one width; regions are the candidates (by index).
    func document(width: Int, catalog: Catalog, glyphs: BoxGlyphs) -> Document<Int> {
        var builder = DocumentBuilder<Int>(width: width, ellipsis: glyphs.ellipsis)
        guard let explanation else {
            builder.text("Paste (or type) what the customer sent: a response, an error body, curl -v output, a log "
                + "line or the vendor's message. A paste is explained at once; Ctrl-E explains what you typed.", Theme.dim)
            builder.gap()
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count > Self.shownLines {
                builder.text("\(lines.count - Self.shownLines) earlier lines not shown", Theme.dim)
            }
            for line in lines.suffix(Self.shownLines) { builder.text(TerminalSafe.sanitize(String(line), keepNewlines: false)) }
            return builder.finish(title: "Explain a paste")
        }
        func name(_ reference: CodeReference) -> String {
            (catalog.vendor(id: reference.vendor)?.name ?? reference.vendor) + " " + reference.code
        }
        if let best = explanation.recognised {
            var line = StyledLine(name(best.reference), Theme.code)
            if let message = catalog.entry(best.reference)?.message { line.append("  " + message, Theme.dim) }
            builder.line(line.cut(to: builder.width, glyphs: glyphs))
            builder.text(best.reasons.joined(separator: "; "), Theme.dim, prefix: "Why: ")
            let trees = DiagnosisSession.trees(for: best.reference, in: catalog)
            builder.gap()
            builder.text(trees.isEmpty ? "Enter opens the code; no decision tree diagnoses it yet."
                : "Enter opens the code; d diagnoses it with the answers this paste gives filled in.", Theme.notice)
        } else if !explanation.candidates.isEmpty {
            builder.text("Several codes fit; best first (1-9 chooses, Enter opens, d diagnoses):", Theme.title)
            for (index, candidate) in explanation.candidates.enumerated() {
                builder.region(index) { lines in
                    lines.text(name(candidate.reference), Theme.code, prefix: " \(index + 1) ", prefixStyle: Theme.key)
                    lines.text(candidate.reasons.joined(separator: "; "), Theme.dim, prefix: "   ")
                }
            }
        } else if explanation.isEmptyInput {
            builder.text("The paste is empty.", Theme.warning)
        } else if explanation.envelopes.isEmpty {
            builder.text("Nothing in the paste was recognised as a vendor response or code.", Theme.warning)
            if !explanation.searchResults.isEmpty {
                builder.heading("Best search results", Theme.heading)
                for hit in explanation.searchResults { builder.text(name(hit.reference), prefix: glyphs.bullet + " ") }
            }
        }
        for code in explanation.unknownCodes {
            builder.text("The body names code \(code), which the catalog does not know.", Theme.dim)
        }
        let foreign = Set(explanation.foreignEnvelopes(in: catalog))
        for envelope in explanation.envelopes {
            builder.text(TerminalSafe.sanitize(ErrorEnvelopeLines.headline(envelope, inCatalog: !foreign.contains(envelope)),
                                               keepNewlines: false), Theme.title)
            for line in ErrorEnvelopeLines.facts(envelope) {
                builder.text(TerminalSafe.sanitize(line, keepNewlines: false), Theme.dim, prefix: "  ")
            }
        }
        if !explanation.evidence.isEmpty {
            builder.heading("Evidence (from \(explanation.evidence.origin))", Theme.heading)
            let keyWidth = explanation.evidence.values.keys.map(\.rawValue.count).max() ?? 0
            for key in explanation.evidence.values.keys.sorted() {
                let label = key.rawValue + String(repeating: " ", count: keyWidth - key.rawValue.count) + "  "
                builder.text(TerminalSafe.sanitize(explanation.evidence[key] ?? "", keepNewlines: false),
                             prefix: label, prefixStyle: Theme.title)
            }
        }
        if !explanation.maskedKinds.isEmpty {
            builder.gap()
            builder.text("Masked secrets: " + explanation.maskedKinds.joined(separator: ", "), Theme.dim)
        }
        builder.heading("The paste (secrets masked)", Theme.heading)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.prefix(Self.shownLines) {
            builder.text(TerminalSafe.sanitize(String(line), keepNewlines: false), Theme.dim)
        }
        if lines.count > Self.shownLines { builder.text("\(lines.count - Self.shownLines) more lines", Theme.dim) }
        return builder.finish(title: "Explain a paste")
    }
}
