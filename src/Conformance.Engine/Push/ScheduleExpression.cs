using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Engine.Push;

/// <summary>
/// An EventBridge schedule expression: <c>rate(value unit)</c> (the unit singular for 1 and plural
/// otherwise: minute(s), hour(s), day(s)) or <c>cron(minutes hours day-of-month month day-of-week year)</c>
/// in UTC, where one of the two day fields must be <c>?</c>
/// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
/// Supported cron values: <c>*</c>, <c>?</c>, numbers, names (JAN, MON), lists, ranges and <c>/</c> steps.
/// </summary>
public abstract partial class ScheduleExpression
{
    [GeneratedRegex(@"^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$")]
    private static partial Regex Rate();

    [GeneratedRegex(@"^cron\((.+)\)$")]
    private static partial Regex Cron();

    /// <summary>The first fire time strictly after <paramref name="after"/>.</summary>
    public abstract DateTimeOffset Next(DateTimeOffset after);

    /// <summary>The expression, or null with the reason when it is not valid.</summary>
    public static ScheduleExpression? Parse(string text, out string? problem)
    {
        problem = null;
        var rate = Rate().Match(text);
        if (rate.Success)
        {
            var value = int.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture);
            var unit = rate.Groups[2].Value;
            if (value < 1 || (value == 1) != !unit.EndsWith('s'))
            {
                problem = "a rate of 1 takes a singular unit (minute, hour, day), any other value a plural one";
                return null;
            }
            var period = unit.StartsWith("minute") ? TimeSpan.FromMinutes(value) : unit.StartsWith("hour") ? TimeSpan.FromHours(value) : TimeSpan.FromDays(value);
            return new RateExpression(period);
        }
        var cron = Cron().Match(text);
        if (cron.Success) return CronExpression.FromFields(cron.Groups[1].Value, out problem);
        problem = "expected rate(value unit) or cron(minutes hours day-of-month month day-of-week year)";
        return null;
    }

    private sealed class RateExpression(TimeSpan period) : ScheduleExpression
    {
        public override DateTimeOffset Next(DateTimeOffset after) => after + period;
    }

    private sealed class CronExpression : ScheduleExpression
    {
        private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
        private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

        private HashSet<int> minutes = [], hours = [], daysOfMonth = [], months = [], daysOfWeek = [], years = [];
        private bool anyDayOfMonth, anyDayOfWeek;

        public static CronExpression? FromFields(string fields, out string? problem)
        {
            problem = null;
            var parts = fields.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 6)
            {
                problem = "a cron expression has six fields: minutes hours day-of-month month day-of-week year";
                return null;
            }
            if ((parts[2] == "?") == (parts[4] == "?"))
            {
                problem = "exactly one of day-of-month and day-of-week must be '?'";
                return null;
            }
            var expression = new CronExpression { anyDayOfMonth = parts[2] == "?", anyDayOfWeek = parts[4] == "?" };
            var ok = Field(parts[0], 0, 59, null, 0, out expression.minutes)
                && Field(parts[1], 0, 23, null, 0, out expression.hours)
                && (expression.anyDayOfMonth || Field(parts[2], 1, 31, null, 0, out expression.daysOfMonth))
                && Field(parts[3], 1, 12, Months, 1, out expression.months)
                && (expression.anyDayOfWeek || Field(parts[4], 1, 7, Days, 1, out expression.daysOfWeek))
                && Field(parts[5], 1970, 2199, null, 0, out expression.years);
            if (!ok) problem = $"a field of 'cron({fields})' has an unsupported or out-of-range value";
            return ok ? expression : null;
        }

        private static bool Field(string text, int min, int max, string[]? names, int nameBase, out HashSet<int> values)
        {
            values = [];
            foreach (var item in text.Split(','))
            {
                var stepParts = item.Split('/');
                if (stepParts.Length > 2) return false;
                var step = 1;
                if (stepParts.Length == 2 && (!int.TryParse(stepParts[1], out step) || step < 1)) return false;
                var (from, to) = (min, max); // "*" and "?" mean the whole range
                if (stepParts[0] is not ("*" or "?"))
                {
                    var range = stepParts[0].Split('-');
                    if (range.Length > 2 || !Value(range[0], names, nameBase, out from)) return false;
                    to = from;
                    if (range.Length == 2 && !Value(range[1], names, nameBase, out to)) return false;
                    if (stepParts.Length == 2 && range.Length == 1) to = max;
                }
                if (from < min || to > max || from > to) return false;
                for (var v = from; v <= to; v += step) values.Add(v);
            }
            return true;
        }

        private static bool Value(string text, string[]? names, int nameBase, out int value)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
            var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
            value = index + nameBase;
            return index >= 0;
        }

        public override DateTimeOffset Next(DateTimeOffset after)
        {
            var t = new DateTimeOffset(after.UtcDateTime.Year, after.UtcDateTime.Month, after.UtcDateTime.Day, after.UtcDateTime.Hour, after.UtcDateTime.Minute, 0, TimeSpan.Zero).AddMinutes(1);
            var limit = t.AddYears(5);
            while (t < limit)
            {
                if (!years.Contains(t.Year) || !months.Contains(t.Month) || !DayMatches(t)) { t = t.Date.AddDays(1); t = new DateTimeOffset(t.DateTime, TimeSpan.Zero); continue; }
                if (!hours.Contains(t.Hour)) { t = t.AddMinutes(60 - t.Minute); continue; }
                if (minutes.Contains(t.Minute)) return t;
                t = t.AddMinutes(1);
            }
            return DateTimeOffset.MaxValue;
        }

        private bool DayMatches(DateTimeOffset t) =>
            (anyDayOfMonth || daysOfMonth.Contains(t.Day)) && (anyDayOfWeek || daysOfWeek.Contains((int)t.DayOfWeek + 1));
    }
}
