import Domain
import Foundation
import Plot
import Reports
import Vapor

/// The one way a table leaves as a file: CSV in the dialect the reader's spreadsheet opens (`?sep=`), or a workbook.
/// The filename is built by the route from fixed words and record ids; Vapor quotes it in Content-Disposition.
enum Downloads {
    static func csv(_ req: Request, rows: [[String]], numericColumns: Set<Int> = [], filename: String) throws -> Response {
        let sep = req.query[String.self, at: "sep"]
        guard let dialect = CSVDialect.download(lang: req.lang, sep: sep) else {
            throw Abort(.badRequest, reason: req.lang == .nl ? "sep: kies ‘;’ (Excel) of ‘,’." : "sep: choose ‘;’ (Excel) or ‘,’.")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: filename)
        return Response(status: .ok, headers: headers, body: .init(string: TableExport.csv(rows, dialect: dialect, numericColumns: numericColumns)))
    }

    static func xlsx(_ data: Data, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.contentDisposition = .init(.attachment, filename: filename)
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// "CSV voor Excel · CSV met komma's · Excel (.xlsx)": the two CSV dialects and, where there is one, the workbook.
    static func links(csv: String, xlsx: String?, lang: Lang) -> Node<HTML.BodyContext> {
        let links = [(csv, lang == .nl ? "CSV voor Excel" : "CSV for Excel"),
                     (csv + (csv.contains("?") ? "&" : "?") + "sep=,", lang == .nl ? "CSV met komma's" : "CSV with commas")]
            + (xlsx.map { [($0, "Excel (.xlsx)")] } ?? [])
        return .group(links.enumerated().map { i, link in .group(.if(i > 0, .text(" · ")), .a(.href(link.0), .text(link.1))) })
    }
}
