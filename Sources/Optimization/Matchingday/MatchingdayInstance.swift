/// A Matchingday to schedule: schools and companies meet in rounds at tables. Indices are 0-based.
public struct MatchingdayInstance: Sendable, Hashable {
    public struct Pair: Sendable, Hashable {
        public var school: Int
        public var company: Int
        /// The value of this meeting (> 0); mutual wishes weigh most. A "niet" is simply not a pair.
        public var weight: Int
        public init(school: Int, company: Int, weight: Int) { self.school = school; self.company = company; self.weight = weight }
    }

    public var rounds: Int
    public var tables: Int
    public var schools: Int
    public var companies: Int
    public var pairs: [Pair]
    /// Presence per school per round; empty means present in every round.
    public var schoolPresence: [[Bool]]
    public var companyPresence: [[Bool]]
    /// At most this many meetings per participant (never more than the rounds).
    public var maxMeetings: Int
    /// Raise the least-served school first, then maximise weight (the organiser's default). Off: weight only,
    /// as in the benchmark against CP-SAT.
    public var fairnessFirst = true
    /// Ruin-and-recreate steps after the greedy schedule (partial presence, large days), and their seed.
    public var searchIterations = 200
    /// Steps of the plateau walk after the search (`MatchingdayScheduler.plateauWalk`).
    public var walkSteps = 150
    /// Subgradient steps of the Lagrangian bound (`MatchingdayScheduler.lagrangianBound`).
    public var boundIterations = 250
    public var seed: UInt64 = 1

    public init(rounds: Int, tables: Int, schools: Int, companies: Int, pairs: [Pair],
                schoolPresence: [[Bool]] = [], companyPresence: [[Bool]] = [], maxMeetings: Int? = nil) {
        self.rounds = rounds; self.tables = tables; self.schools = schools; self.companies = companies; self.pairs = pairs
        self.schoolPresence = schoolPresence; self.companyPresence = companyPresence; self.maxMeetings = min(maxMeetings ?? rounds, rounds)
    }

    public func schoolPresent(_ s: Int, _ r: Int) -> Bool { schoolPresence.isEmpty || schoolPresence[s][r] }
    public func companyPresent(_ c: Int, _ r: Int) -> Bool { companyPresence.isEmpty || companyPresence[c][r] }

    /// True when everyone is there all day: then the exact polynomial method applies.
    public var hasFullPresence: Bool {
        schoolPresence.allSatisfy { $0.allSatisfy { $0 } } && companyPresence.allSatisfy { $0.allSatisfy { $0 } }
    }

    /// Problems with the instance itself (indices, weights, duplicate pairs, presence shape), as messages.
    public func problems() -> [String] {
        var out: [String] = []
        if rounds < 1 || tables < 1 { out.append("rounds and tables must be at least 1") }
        var seen = Set<[Int]>()
        for (i, p) in pairs.enumerated() {
            if !(0..<schools).contains(p.school) || !(0..<companies).contains(p.company) { out.append("pair \(i): index out of range") }
            if p.weight <= 0 { out.append("pair \(i): weight must be positive") }
            if !seen.insert([p.school, p.company]).inserted { out.append("pair \(i): the same school and company twice") }
        }
        if !schoolPresence.isEmpty && (schoolPresence.count != schools || schoolPresence.contains { $0.count != rounds }) {
            out.append("avail_schools: one row of \(rounds) per school")
        }
        if !companyPresence.isEmpty && (companyPresence.count != companies || companyPresence.contains { $0.count != rounds }) {
            out.append("avail_companies: one row of \(rounds) per company")
        }
        return out
    }
}

public struct Meeting: Sendable, Hashable {
    public var school: Int
    public var company: Int
    public var round: Int
    public var table: Int
    public init(school: Int, company: Int, round: Int, table: Int) {
        self.school = school; self.company = company; self.round = round; self.table = table
    }
}

public struct MatchingdaySchedule: Sendable, Hashable {
    public var meetings: [Meeting]
    /// Total weight of the scheduled pairs.
    public var objective: Int
    /// No schedule can do better than this; equal to `objective` when the schedule is proven optimal.
    public var upperBound: Int
    /// The fairness level reached: every school has at least min(level, what it could have) meetings.
    public var fairness: Int
    /// Meetings where a company sits at another table than in its first meeting.
    public var tableChanges: Int
    public var isOptimal: Bool { objective == upperBound }
}
