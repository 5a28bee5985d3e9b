import Testing
import VaporTesting
@testable import Web
@Test func placeholder2() { #expect(1 == 1) }
