/// A page of a list: every list in the UI and API paginates with `page` (from 1) and `per`.
public struct PageRequest: Sendable, Hashable {
    public static let defaultPer = 25
    public static let maxPer = 200
    public var page: Int
    public var per: Int
    public init(page: Int = 1, per: Int = PageRequest.defaultPer) { self.page = page; self.per = per }
}

public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    public var page: Int
    public var per: Int
    public var pageCount: Int { max(1, (total + per - 1) / per) }
    public var hasPrevious: Bool { page > 1 }
    public var hasNext: Bool { page < pageCount }
    public init(items: [Item], total: Int, page: Int, per: Int) {
        self.items = items; self.total = total; self.page = page; self.per = per
    }
}

extension Array where Element: Sendable {
    public func paged(_ request: PageRequest) -> Page<Element> {
        let start = Swift.min(count, (request.page - 1) * request.per)
        let end = Swift.min(count, start + request.per)
        return Page(items: Array(self[start..<end]), total: count, page: request.page, per: request.per)
    }
}

extension Page: Equatable where Item: Equatable {}
extension Page: Hashable where Item: Hashable {}
