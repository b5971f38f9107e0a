package dev.jmake.eval;

import dev.jmake.syntax.AssignOp;
import dev.jmake.syntax.Modifiers;

/** A variable assignment found in text: modifiers, the raw (unexpanded) name, the operator and the raw value. */
record ParsedAssignment(Modifiers modifiers, String name, AssignOp op, String value) {}
