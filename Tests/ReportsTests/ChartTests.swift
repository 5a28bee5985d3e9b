import Domain
import Foundation
import Testing
@testable import Reports

@Suite struct ChartTests {
    func rects(_ svg: String) -> [(y: Double, width: Double, height: Double)] {
        let pattern = ##"<rect x="[0-9.]+" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)" fill="#(?!eee)"##
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap { m in
            func g(_ i: Int) -> Double { Double(svg[Range(m.range(at: i), in: svg)!])! }
            return (g(1), g(2), g(3))
        }
    }

    @Test func stackedBarsAddUpPerCategory() {
        let data = ChartData(title: "t", description: "d", categories: ["a", "b"],
                             series: [.init(name: "x", values: [1000, 2000]), .init(name: "y", values: [3000, nil])])
        let svg = SVGChart.render(data, style: .stackedBar, id: "s")
        let bars = rects(svg).filter { $0.width > 20 }  // legend squares are 12 wide
        #expect(bars.count == 3)
        // The axis runs to 4.000 (the tallest stack), so the stack of 1.000 + 3.000 fills the plot height.
        #expect(svg.contains(">4.000</text>"))
        let plotHeight = 320.0 - 16 - 56
        #expect(abs(bars[0].height + bars[2].height - plotHeight) < 0.2)
        #expect(abs(bars[1].height - plotHeight / 2) < 0.2)
        #expect(svg.contains("<title>y, a: 3.000</title>"))
    }

    @Test func progressBarsAreShareOfTheTarget() {
        let data = ChartData(title: "t", description: "d", categories: ["half", "over"],
                             series: [.init(name: "%", values: [50, 150])], unit: .percentage)
        let svg = SVGChart.render(data, style: .progress, id: "p")
        let bars = rects(svg)
        #expect(bars.count == 2)
        // The scale runs to 150 %: half the target is a third of the plot, the target mark sits at two thirds.
        let plotWidth = 640.0 - 64 - 16
        #expect(abs(bars[0].width - plotWidth / 3) < 0.2)
        #expect(abs(bars[1].width - plotWidth) < 0.2)
        #expect(svg.contains("doel (100 %)"))
        #expect(svg.contains("<title id=\"p-title\">t</title>") && svg.contains("<desc id=\"p-desc\">d</desc>"))
    }
}
