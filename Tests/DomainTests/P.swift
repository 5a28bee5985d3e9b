import Testing
@testable import Domain
@Test func placeholder() { #expect(1 == 1) }
