/// Panes inside a bordered frame, split by shared one-cell borders (the ratatui `Layout` for framed panes):
/// side by side (`columns`) or stacked (`rows`). The sizes of every pane but the last are given; the last
/// takes what is left. The rectangles are the panes' content, inside the borders.
///
/// ```swift
/// // ┌────┬──────────┐  a 20x5 frame split after a 4-column pane:
/// // │    │          │  [Rect(x: 1, y: 1, width: 4, height: 3), Rect(x: 6, y: 1, width: 13, height: 3)]
/// // └────┴──────────┘
/// Split.columns(Rect(x: 0, y: 0, width: 20, height: 5), widths: [4])
/// ```
public enum Split {
    /// Panes side by side; `widths` of all but the last, which takes the rest.
    public static func columns(_ frame: Rect, widths: [Int]) -> [Rect] {
        var x = frame.x + 1
        let height = frame.height - 2
        var panes: [Rect] = []
        for width in widths {
            panes.append(Rect(x: x, y: frame.y + 1, width: width, height: height))
            x += width + 1
        }
        panes.append(Rect(x: x, y: frame.y + 1, width: frame.x + frame.width - 1 - x, height: height))
        return panes
    }

    /// Panes stacked; `heights` of all but the last, which takes the rest.
    public static func rows(_ frame: Rect, heights: [Int]) -> [Rect] {
        var y = frame.y + 1
        let width = frame.width - 2
        var panes: [Rect] = []
        for height in heights {
            panes.append(Rect(x: frame.x + 1, y: y, width: width, height: height))
            y += height + 1
        }
        panes.append(Rect(x: frame.x + 1, y: y, width: width, height: frame.y + frame.height - 1 - y))
        return panes
    }
}
