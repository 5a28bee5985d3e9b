import Domain
import Plot

extension Components {
    /// A form's organisation field (`OrganizationChoice`): a select of the organisations `allowed` accepts when the
    /// choice lists them, else a text field for an id or a name with a hint saying so. `selected` is the id the form
    /// holds, or the text typed when it did not resolve.
    static func organizationField(_ choice: OrganizationChoice, name: String, label: String, selected: String, error: String?,
                                  t: (String, String) -> String, allowed: (Organization) -> Bool = { _ in true },
                                  option: (Organization) -> String = \.name) -> Node<HTML.BodyContext> {
        if let options = choice.options {
            return select(name: name, label: label, options: options.filter(allowed).map { ($0.id, option($0)) }, selected: selected, error: error)
        }
        return field(name, label: label, value: selected, error: error,
                     hint: t("Typ de naam of het id; past de naam bij meer organisaties, dan noemt de melding ze.",
                             "Type the name or the id; when the name matches several organisations, the message lists them."),
                     required: true)
    }
}
