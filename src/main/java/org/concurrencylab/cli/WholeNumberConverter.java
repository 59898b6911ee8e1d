package org.concurrencylab.cli;

import picocli.CommandLine;

/// Reads a whole-number option (`--width`, `--repeat`, …) from ASCII digits only, as the run
/// parameters are read: `Integer.parseInt` would also take other scripts' digits ("٨٠٠" is 800),
/// which a user did not mean to type. Registered for every `int` option of the command line.
///
/// Thread-safety: stateless.
final class WholeNumberConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String t = value.strip();
        if (!t.matches("-?[0-9]{1,19}")) throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large");
        }
    }
}
