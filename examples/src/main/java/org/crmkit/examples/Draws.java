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
