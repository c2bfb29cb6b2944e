import TerminalKit

/// Where the paste box goes on the screen: a frame over the whole terminal but the status row, with the text
/// area inside it.
struct PasteBoxLayout: Equatable {
    var frame: Rect
    var content: Rect
    var status: Rect

    init(width: Int, height: Int) {
        frame = Rect(x: 0, y: 0, width: width, height: max(0, height - 1))
        let inside = Split.columns(frame, widths: [])[0]
        // One column of padding inside the border on each side.
        content = Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height)
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: height > 0 ? 1 : 0)
    }
}
