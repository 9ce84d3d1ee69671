using System.Collections.Generic;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// <see cref="ValueList.From{T}(IReadOnlyList{T})"/> and <see cref="ValueMap.From{TValue}(IReadOnlyDictionary{string, TValue})"/>,
/// which the init accessors of generated list and map members call: a value collection is kept, any other copied,
/// and nested lists and maps are made value collections too.
/// </summary>
public sealed class ValueCollectionFromTests
{
    [Fact]
    public void A_value_list_or_map_is_kept_and_null_stays_null()
    {
        var list = new ValueList<string>(["a"]);
        var map = ValueMap.From(new Dictionary<string, int> { ["a"] = 1 });

        Assert.Same(list, ValueList.From(list));
        Assert.Same(map, ValueMap.From(map));
        Assert.Null(ValueList.From<string>(null));
        Assert.Null(ValueMap.From<int>(null));
        Assert.Null(ValueList.From<IReadOnlyList<string>>(null, static item => ValueList.From(item)));
    }

    [Fact]
    public void Entries_with_a_repeated_key_keep_its_last_value_in_its_first_place_however_many_there_are()
    {
        // Past the few keys searched one by one, the keys are found through an index: the same rule holds there.
        var entries = new List<KeyValuePair<string, int>>();
        for (int i = 0; i < 1_000; i++)
        {
            entries.Add(new("k" + (i % 100), i));
        }

        var map = new ValueMap<int>(entries);

        Assert.Equal(100, map.Count);
        Assert.Equal("k0", System.Linq.Enumerable.First(map.Keys));
        Assert.Equal(900, map["k0"]);
        Assert.Equal(999, map["k99"]);
        Assert.Equal(new ValueMap<int>([new("a", 2), new("b", 3)]), new ValueMap<int>([new("a", 1), new("b", 3), new("a", 2)]));
    }

    [Fact]
    public void Another_collection_is_copied_in_its_order_and_equals_the_value_collection_of_the_same_items()
    {
        var source = new List<string> { "b", "a" };
        ValueList<string> copy = ValueList.From(source);
        source.Add("c");

        Assert.Equal(new ValueList<string>(["b", "a"]), copy);
        Assert.Equal(new ValueList<int>([1, 2]), ValueList.From(new[] { 1, 2 }));
        Assert.Equal(["z", "y"], ValueMap.From(new Dictionary<string, int> { ["z"] = 1, ["y"] = 2 }).Keys);
        Assert.Equal(ValueMap.From(new Dictionary<string, int> { ["y"] = 2, ["z"] = 1 }), ValueMap.From(new SortedDictionary<string, int> { ["z"] = 1, ["y"] = 2 }));
    }

    [Fact]
    public void Nested_lists_and_maps_become_value_collections_and_a_value_collection_of_them_is_kept()
    {
        IReadOnlyList<IReadOnlyList<string>> grid = [new List<string> { "a" }, new[] { "b", "c" }];
        ValueList<IReadOnlyList<string>> made = ValueList.From(grid, static row => ValueList.From(row));
        ValueMap<IReadOnlyList<string>> tags = ValueMap.From(new Dictionary<string, IReadOnlyList<string>> { ["t"] = new List<string> { "x" } }, static list => ValueList.From(list));

        Assert.All(made, static row => Assert.IsType<ValueList<string>>(row));
        Assert.Equal(new ValueList<IReadOnlyList<string>>([new ValueList<string>(["a"]), new ValueList<string>(["b", "c"])]), made);
        Assert.Equal(made.GetHashCode(), ValueList.From(grid, static row => ValueList.From(row)).GetHashCode());
        Assert.Same(made, ValueList.From(made, static row => ValueList.From(row)));
        Assert.IsType<ValueList<string>>(tags["t"]);
        Assert.Same(tags, ValueMap.From(tags, static list => ValueList.From(list)));

        // A value list built with a plain list inside is not kept as it is: its item is made a value list.
        var mixed = new ValueList<IReadOnlyList<string>>([new List<string> { "a" }]);
        Assert.NotSame(mixed, ValueList.From(mixed, static row => ValueList.From(row)));
        Assert.Equal(made[0], ValueList.From(mixed, static row => ValueList.From(row))[0]);
    }
}
