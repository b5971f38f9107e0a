lexer grammar MkLineLexer;
// placeholder: replaced by the syntax stage
TEXT : ~[\n]+ ;
