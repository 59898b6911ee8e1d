package org.concurrencylab.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// A small keyword highlighter for the code panel: finds the keywords, strings, comments, numbers
/// and annotations of Java or Python with one regular expression per language, the way
/// RichTextFX's own Java keywords demo does. It colours text; it does not parse it.
public final class SyntaxTokens {

    public enum Language { JAVA, PYTHON }

    /// A highlighted stretch of the text, `[start, end)`, and its style class.
    public record Token(int start, int end, String style) {
        public Token {
            Objects.requireNonNull(style, "style");
            if (start < 0 || end < start) throw new IllegalArgumentException("bad token range " + start + ".." + end);
        }
    }

    public static final String KEYWORD = "keyword";
    public static final String STRING = "string";
    public static final String COMMENT = "comment";
    public static final String NUMBER = "number";
    public static final String ANNOTATION = "annotation";

    private static final String[] JAVA_KEYWORDS = {
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record", "yield", "sealed",
            "permits", "true", "false", "null"};

    private static final String[] PYTHON_KEYWORDS = {
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};

    private static final Pattern JAVA = Pattern.compile(
            "(?<COMMENT>//[^\n]*|/\\*(?s:.*?)\\*/)"
            + "|(?<STRING>\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\n]|\\\\.)*')"
            + "|(?<ANNOTATION>@[A-Za-z_]\\w*)"
            + "|(?<KEYWORD>\\b(?:" + String.join("|", JAVA_KEYWORDS) + ")\\b)"
            + "|(?<NUMBER>\\b\\d[\\d_]*(?:\\.\\d+)?[lLdDfF]?\\b)");

    private static final Pattern PYTHON = Pattern.compile(
            "(?<COMMENT>#[^\n]*)"
            + "|(?<STRING>[rbfRBF]{0,2}(?:\"\"\"(?s:.*?)\"\"\"|'''(?s:.*?)'''|\"(?:[^\"\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\n]|\\\\.)*'))"
            + "|(?<ANNOTATION>@[A-Za-z_][\\w.]*)"
            + "|(?<KEYWORD>\\b(?:" + String.join("|", PYTHON_KEYWORDS) + ")\\b)"
            + "|(?<NUMBER>\\b\\d[\\d_]*(?:\\.\\d+)?\\b)");

    private SyntaxTokens() {}

    /// The highlighted stretches of `code`, in order, never overlapping.
    public static List<Token> tokens(String code, Language language) {
        Matcher m = (language == Language.JAVA ? JAVA : PYTHON).matcher(code);
        List<Token> tokens = new ArrayList<>();
        while (m.find()) {
            String style = m.group("COMMENT") != null ? COMMENT
                    : m.group("STRING") != null ? STRING
                    : m.group("ANNOTATION") != null ? ANNOTATION
                    : m.group("KEYWORD") != null ? KEYWORD
                    : NUMBER;
            tokens.add(new Token(m.start(), m.end(), style));
        }
        return tokens;
    }
}
