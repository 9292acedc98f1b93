using Conformance.Gherkin.Bindings;

namespace Conformance.Gherkin.Tests.Bindings;

public sealed class DataTableExtensionsTests
{
    public sealed class Mapping
    {
        public int BatchSize { get; set; }
        public string Queue { get; set; } = "";
        public bool Enabled { get; set; }
    }

    private static DataTable Table(params string[][] rows) => new(rows.Select(r => (IReadOnlyList<string>)r).ToList());

    [Fact]
    public void Creates_an_instance_from_a_vertical_table()
    {
        var mapping = Table(["Field", "Value"], ["Batch size", "10"], ["queue", "orders"], ["Enabled", "true"]).CreateInstance<Mapping>();

        mapping.BatchSize.ShouldBe(10);
        mapping.Queue.ShouldBe("orders");
        mapping.Enabled.ShouldBeTrue();
    }

    [Fact]
    public void Creates_an_instance_from_a_horizontal_table_and_a_set_from_its_rows()
    {
        var table = Table(["BatchSize", "Queue"], ["5", "a"], ["7", "b"]);

        table.CreateSet<Mapping>().Select(m => $"{m.BatchSize}{m.Queue}").ShouldBe(["5a", "7b"]);
        Table(["BatchSize", "Queue"], ["5", "a"]).CreateInstance<Mapping>().Queue.ShouldBe("a");
    }

    [Fact]
    public void Compares_to_a_set_in_any_order_and_names_every_difference()
    {
        var table = Table(["Queue", "Batch size"], ["a", "5"], ["b", "7"]);

        table.CompareToSet([new Mapping { Queue = "b", BatchSize = 7 }, new Mapping { Queue = "a", BatchSize = 5 }]);
        var failure = Should.Throw<DataTableComparisonException>(() => table.CompareToSet([new Mapping { Queue = "a", BatchSize = 5 }, new Mapping { Queue = "c", BatchSize = 1 }]));
        failure.Message.ShouldContain("- | b | 7 |");
        failure.Message.ShouldContain("+ | c | 1 |");
    }

    [Fact]
    public void A_column_without_a_property_is_named() =>
        Should.Throw<DataTableComparisonException>(() => Table(["Colour"], ["red"]).CreateSet<Mapping>()).Message.ShouldContain("'Colour'");

    [Fact]
    public void Transposes_rows_into_columns() =>
        Table(["a", "b"], ["1", "2"]).Transpose().Raw.ShouldBe([["a", "1"], ["b", "2"]]);
}
