import Domain

/// Network & organisations (issue 13): what the organisation list, an organisation's page and the network page show,
/// read page by page. `SQLNetworkRepository` serves; `InMemoryNetworkRepository` answers from a `Dataset` for tests,
/// and one contract suite holds both to the same answers.
public protocol NetworkRepository: Sendable {
    /// One page of the organisations `filter` finds, in the list's order (folded name, then id), and their number.
    func organizations(_ filter: OrganizationFilter, page: PageRequest) async throws -> Page<Organization>
    /// The districts that occur, sorted: the filter's choices.
    func districts() async throws -> [String]
    func organization(_ id: String) async throws -> Organization?
    /// What an organisation's page shows (`Dataset.profileSlice`); nil without such an organisation.
    func profile(of id: String) async throws -> Dataset?
    /// The network page on `day` (`NetworkOverview.init(_:on:page:)`).
    func network(on day: PartialDate, page: PageRequest) async throws -> NetworkOverview
}

/// The repository over a dataset held in memory.
public struct InMemoryNetworkRepository: NetworkRepository {
    public let data: Dataset
    public init(_ data: Dataset) { self.data = data }

    public func organizations(_ filter: OrganizationFilter, page: PageRequest) async throws -> Page<Organization> {
        filter.apply(to: data.organizations).paged(page)
    }
    public func districts() async throws -> [String] { data.districts }
    public func organization(_ id: String) async throws -> Organization? { data.organization(id) }
    public func profile(of id: String) async throws -> Dataset? { data.profileSlice(of: id) }
    public func network(on day: PartialDate, page: PageRequest) async throws -> NetworkOverview {
        NetworkOverview(data, on: day, page: page)
    }
}
