/// The report's tables, computed from the dataset (§1 and §4.7.2).
public struct ProgrammeFigures: Sendable {
    public let dataset: Dataset
    public init(_ dataset: Dataset) { self.dataset = dataset }

    /// "Studenten Techniek en Logistiek … per sector": rows by sector, totals computed.
    public var enrolmentBySector: CrossTable {
        CrossTable(indicatorKey: "roc.students.sector", dimension: "sector", observations: dataset.observations)
    }
    /// The same students by leerweg (BBL, BOL voltijd).
    public var enrolmentByLeerweg: CrossTable {
        CrossTable(indicatorKey: "roc.students.leerweg", dimension: "leerweg", observations: dataset.observations)
    }
    public var benefitsByLevel: CrossTable {
        CrossTable(indicatorKey: "labour.benefits", dimension: "level", observations: dataset.observations)
    }
    public var vacanciesByLevel: CrossTable {
        CrossTable(indicatorKey: "labour.vacancies", dimension: "level", observations: dataset.observations)
    }
    /// §4.7.2: Bedrijven, Scholen, Overheden on 1-1-2014 and 30-11-2014, increase and totals computed.
    public var networkGrowth: CrossTable {
        CrossTable(indicatorKey: "network.members", dimension: "kind", observations: dataset.observations)
    }

    /// Reported network size on a date (sum of the kinds reported for that date).
    public func reportedMembers(on period: String) -> Double? {
        let table = networkGrowth
        guard let i = table.periods.firstIndex(of: period) else { return nil }
        return table.totals[i]
    }

    /// Members registered in the platform on a date: organisations the report shows acting as Vrienden.
    public func registeredMembers(on date: PartialDate) -> [Membership] {
        dataset.memberships.filter { $0.isActive(on: date) }
    }

    public func observations(of key: String) -> [Observation] {
        dataset.observations.filter { $0.indicatorKey == key }
    }

    /// Sum of the contributions (budget lines excluded), to set beside the stated budget.
    public var totalContributions: Double {
        dataset.funding.filter { $0.kind == .contribution }.reduce(0) { $0 + $1.amount }
    }
}
