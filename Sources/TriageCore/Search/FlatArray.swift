/// Fixed-width integers end to end, the search index's arrays: owned (an array, what the builder makes), or read
/// in place from bytes another object keeps alive (a stored index's mapping), so a search reads a stored index
/// without copying it out. Reads are bounds-checked like an array's; writing to one read in place first copies
/// it (only the builder and tests write).
struct FlatArray<Element: FixedWidthInteger & Sendable>: RandomAccessCollection, MutableCollection, Equatable,
                                                         ExpressibleByArrayLiteral, @unchecked Sendable {
    // Unchecked: `view` points into `owner`'s immutable bytes, which live as long as this value.
    private var owned: [Element]
    private var view: UnsafeBufferPointer<Element>?
    private var owner: AnyObject?

    init(_ values: [Element]) {
        owned = values
        view = nil
        owner = nil
    }

    init(arrayLiteral elements: Element...) { self.init(elements) }

    /// Elements read in place from `view`, which `owner` keeps alive (and never changes).
    init(view: UnsafeBufferPointer<Element>, owner: AnyObject) {
        owned = []
        self.view = view
        self.owner = owner
    }

    /// Whether the elements are read in place (not copied).
    var isInPlace: Bool { view != nil }

    var startIndex: Int { 0 }
    var endIndex: Int { view?.count ?? owned.count }

    subscript(position: Int) -> Element {
        get {
            guard let view else { return owned[position] }
            precondition(position >= 0 && position < view.count, "FlatArray index out of range")
            return view[position]
        }
        set {
            makeOwned()
            owned[position] = newValue
        }
    }

    mutating func append(_ element: Element) {
        makeOwned()
        owned.append(element)
    }

    mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        makeOwned()
        owned.append(contentsOf: elements)
    }

    mutating func reserveCapacity(_ count: Int) {
        makeOwned()
        owned.reserveCapacity(count)
    }

    /// The elements as one buffer, without copying.
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        if let view { return try body(view) }
        return try owned.withUnsafeBufferPointer(body)
    }

    /// The elements as bytes (what `ByteWriter` stores).
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }

    /// Lets the pages of an array read in place in a mapping go from resident memory (they come back from the file
    /// when read): after a pass over all of it, such as the checks at open, so those never make it all resident.
    func releasePages() {
        guard let view, let bytes = owner as? CatalogBytes else { return }
        bytes.release(UnsafeRawBufferPointer(view))
    }

    private mutating func makeOwned() {
        guard let view else { return }
        owned = Array(view)
        self.view = nil
        owner = nil
    }

    static func == (lhs: FlatArray, rhs: FlatArray) -> Bool {
        lhs.withUnsafeBufferPointer { a in rhs.withUnsafeBufferPointer { b in a.elementsEqual(b) } }
    }
}
