package org.attache.agenda;

import org.eclipse.microprofile.graphql.Description;

@Description("A protocol honour observed at an agenda item.")
public enum Honour {
    @Description("The guest passed along a guard of honour.")
    GUARD_OF_HONOUR,
    @Description("The national anthems of both countries were performed.")
    NATIONAL_ANTHEMS,
    @Description("A military band or orchestra played.")
    MILITARY_ORCHESTRA,
    @Description("The guest signed the Book of Honour.")
    BOOK_OF_HONOUR,
    @Description("A wreath was laid.")
    WREATH,
    @Description("Flowers were laid.")
    FLOWERS,
    @Description("Gifts or souvenirs were exchanged or presented.")
    GIFT_EXCHANGE,
    @Description("A memorial plaque was unveiled or honoured.")
    MEMORIAL_PLAQUE,
    @Description("A gun or artillery salute was fired.")
    GUN_SALUTE
}
