package org.crmkit.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.random.RandomGenerator;

/** Random draws the generator needs, on top of any {@link RandomGenerator}. Stateless. */
final class Draws {
    private Draws() {
    }

    /**
     * A lognormal draw.
     *
     * @param random the source; not null
     * @param median the distribution's median, more than zero
     * @param sigma the standard deviation of the logarithm, zero or more
     * @return the draw, more than zero
     */
    static double lognormal(RandomGenerator random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /**
     * A gamma draw with scale 1 (divide by a rate for another scale), by Marsaglia and Tsang's
     * method (2000): a squeezed cube of a normal draw, boosted for shapes below 1.
     *
     * @param random the source; not null
     * @param shape the shape, more than zero
     * @return the draw, more than zero
     */
    static double gamma(RandomGenerator random, double shape) {
        if (shape < 1) {
            // Gamma(k) = Gamma(k + 1) * U^(1/k).
            return gamma(random, shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < x * x / 2 + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /**
     * A beta draw, as the share of the first of two gamma draws in their sum.
     *
     * @param random the source; not null
     * @param a the first shape, more than zero
     * @param b the second shape, more than zero
     * @return the draw, between 0 and 1
     */
    static double beta(RandomGenerator random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    /**
     * A Poisson draw: exact below a mean of 30, the normal approximation above, where it is
     * close enough for a simulation and does not loop hundreds of times.
     *
     * @param random the source; not null
     * @param mean the mean, zero or more
     * @return the count
     */
    static int poisson(RandomGenerator random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /**
     * A day drawn uniformly between two days.
     *
     * @param random the source; not null
     * @param first the first possible day; not null
     * @param last the last possible day, not before {@code first}; not null
     * @return the day
     */
    static LocalDate day(RandomGenerator random, LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last);
        return first.plusDays(random.nextLong(days + 1));
    }

    /**
     * One element drawn uniformly.
     *
     * @param random the source; not null
     * @param choices the elements; not empty
     * @param <T> the element type
     * @return the element
     */
    static <T> T pick(RandomGenerator random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /**
     * Turns a drawn amount into an exact amount of yuan: the only place where a double becomes
     * money, rounded half-even to the fen.
     *
     * @param amount the drawn amount, zero or more
     * @param minimum the smallest amount to return, zero or more
     * @return the amount with exactly two decimals
     */
    static BigDecimal yuan(double amount, double minimum) {
        return BigDecimal.valueOf(Math.max(amount, minimum)).setScale(2, RoundingMode.HALF_EVEN);
    }
}
