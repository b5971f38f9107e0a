/*
 * Tokens of one logical makefile line (continuations collapsed, comment removed), shaped after the character
 * classes GNU make 4.3's parse_variable_definition (variable.c) looks at, so that StatementReader can decide
 * "is this a variable assignment, and where do name, operator and value lie" token by token.
 */
lexer grammar MkLineLexer;

REF          : '$(' PAREN_BODY* ')' | '${' BRACE_BODY* '}' ;   // GNU counts only the reference's own delimiter
REF_OPEN     : '$(' PAREN_BODY* EOF | '${' BRACE_BODY* EOF ;   // unterminated: runs to the end of the line
DOLLAR_CHAR  : '$' ~[({] ;                                     // $$ $@ $x: two characters, nothing special
DOLLAR_END   : '$' ;                                           // a '$' ending the line
HASH         : '#' ;                                           // only left by an unquoted \#
BLANKS       : [ \t] [ \t\n\r\u000B\f]* ;                      // a blank, then everything NEXT_TOKEN skips
EQ           : '=' ;
COLON_EQ     : ':=' ;
DCOLON_EQ    : '::=' ;
PLUS_EQ      : '+=' ;
QUESTION_EQ  : '?=' ;
BANG_EQ      : '!=' ;
COLON        : ':' ;
WORD         : ~[ \t$#:=+?!]+ ;
OTHER        : [+?!] ;

fragment PAREN_BODY : '(' PAREN_BODY* ')' | ~[()] ;
fragment BRACE_BODY : '{' BRACE_BODY* '}' | ~[{}] ;
