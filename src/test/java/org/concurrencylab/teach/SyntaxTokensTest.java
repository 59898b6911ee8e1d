package org.concurrencylab.teach;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The highlighter finds keywords, strings, comments and numbers, and never overlaps them.
class SyntaxTokensTest {

    @Test
    void java_keywords_strings_comments_and_numbers() {
        String code = "public int f() { // add one\n    return count + 1; /* \"not a string\" */ String s = \"for\"; }";

        List<String> found = SyntaxTokens.tokens(code, SyntaxTokens.Language.JAVA).stream()
                .map(t -> t.style() + ":" + code.substring(t.start(), t.end())).toList();

        assertThat(found).containsExactly("keyword:public", "keyword:int", "comment:// add one", "keyword:return",
                "number:1", "comment:/* \"not a string\" */", "string:\"for\"");
    }

    @Test
    void python_keywords_strings_comments_and_numbers() {
        String code = "async def main():\n    await f(5_000_000)  # wait\n    print(f\"{n} in\")\n";

        List<String> found = SyntaxTokens.tokens(code, SyntaxTokens.Language.PYTHON).stream()
                .map(t -> t.style() + ":" + code.substring(t.start(), t.end())).toList();

        assertThat(found).containsExactly("keyword:async", "keyword:def", "keyword:await", "number:5_000_000",
                "comment:# wait", "string:f\"{n} in\"");
    }

    @Test
    void tokens_of_the_shipped_code_are_ordered_and_never_overlap() {
        String code = CodeLibrary.source("org/concurrencylab/core/model/EventLoopModel.java");
        List<SyntaxTokens.Token> tokens = SyntaxTokens.tokens(code, SyntaxTokens.Language.JAVA);

        assertThat(tokens).hasSizeGreaterThan(100);
        for (int i = 1; i < tokens.size(); i++) assertThat(tokens.get(i).start()).isGreaterThanOrEqualTo(tokens.get(i - 1).end());
    }
}
