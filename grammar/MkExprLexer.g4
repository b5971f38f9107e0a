/*
 * The flat level of GNU make's expansion language (LANGUAGE.md 5.4): literal runs and the kind of each '$'.
 * What follows '$(' or '${' is scanned by ExprParser with GNU make's own counting (expand.c, function.c),
 * which no context-free rule reproduces (only the opening delimiter kind is counted, and a variable
 * reference ends at the first closing delimiter unless a '$' precedes it).
 */
lexer grammar MkExprLexer;

LITERAL       : ~'$'+ ;
DOLLAR_DOLLAR : '$$' ;
OPEN          : '$(' | '${' ;
DOLLAR_CHAR   : '$' ~[$({] ;
DOLLAR_END    : '$' ;
