package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReferenceContinuationsTest {
    @Test
    void collapsesContinuationsInsideReferencesWithTheirBlanks() {
        assertEquals("echo $(call f,a b,c) \\\n  d", ReferenceContinuations.collapse("echo $(call f,a  \\\n\t\tb,c) \\\n  d"));
        assertEquals("${subst x,y,ax bx}", ReferenceContinuations.collapse("${subst x,y,ax\t\\\n  bx}"));
    }

    @Test
    void countsNestedParenthesesOfTheSameKind() {
        assertEquals("$(a $(b c) d) \\\ne", ReferenceContinuations.collapse("$(a $(b \\\nc) \\\nd) \\\ne"));
    }

    @Test
    void leavesEscapedBackslashesAndTextOutsideReferences() {
        assertEquals("$(words 1 \\\\\n2)", ReferenceContinuations.collapse("$(words 1 \\\\\n2)"));
        assertEquals("$(words 1 \\\\ 2)", ReferenceContinuations.collapse("$(words 1 \\\\\\\n2)"));
        assertEquals("echo a \\\nb", ReferenceContinuations.collapse("echo a \\\nb"));
    }

    @Test
    void treatsTheSecondDollarOfDoubleDollarAsAReference() {
        assertEquals("$$(echo x)", ReferenceContinuations.collapse("$$(echo \\\nx)"));
    }
}
