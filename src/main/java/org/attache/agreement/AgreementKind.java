package org.attache.agreement;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of document was signed.")
public enum AgreementKind {
    @Description("An agreement or treaty.")
    AGREEMENT,
    @Description("A memorandum of understanding or of intent.")
    MEMORANDUM,
    @Description("A cooperation plan or programme, often for one year.")
    PLAN,
    @Description("A protocol, such as the minutes of a joint commission.")
    PROTOCOL,
    @Description("A contract, such as for equipment or training.")
    CONTRACT,
    @Description("Any other document, such as a joint declaration or statement.")
    OTHER
}
