using Shipper.Events;

namespace Shipper.Core.Tests.Events;

public class FieldMapTests
{
    [Fact]
    public void PutCreatesIntermediateMapsAndTryGetValueWalksThem()
    {
        var map = new FieldMap();
        map.Put("process.parent.pid", 42);

        Assert.True(map.TryGetValue("process.parent.pid", out var pid));
        Assert.Equal(42, pid);
        Assert.IsType<FieldMap>(map["process"]);
    }

    [Fact]
    public void AFlatKeyHoldingDotsWinsOverWalking()
    {
        var map = new FieldMap().Add("a.b", "flat").Add("a", new FieldMap().Add("b", "nested"));

        Assert.Equal("flat", map.GetValueOrDefault("a.b"));
    }

    [Fact]
    public void RemoveOfANestedPathLeavesItsSiblings()
    {
        var map = new FieldMap();
        map.Put("user.id", "0");
        map.Put("user.name", "root");

        Assert.True(map.Remove("user.id"));
        Assert.False(map.Remove("user.id"));
        Assert.False(map.ContainsPath("user.id"));
        Assert.Equal("root", map.GetValueOrDefault("user.name"));
    }

    [Fact]
    public void AFrozenMapRefusesChanges()
    {
        var shared = new FieldMap().Add("name", "host-1").Freeze();

        Assert.True(shared.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => shared.Put("name", "other"));
        Assert.Throws<InvalidOperationException>(() => shared["name"] = "other");
        Assert.Throws<InvalidOperationException>(() => shared.Remove("name"));
        Assert.Equal("host-1", shared["name"]);
    }

    [Fact]
    public void EventsSharingAFrozenMapDoNotSeeEachOthersChanges()
    {
        var builtIn = new FieldMap().Add("agent", new FieldMap().Add("name", "a").Add("id", "1")).Freeze();
        var first = new FieldMap();
        var second = new FieldMap();
        first.DeepUpdate(builtIn);
        second.DeepUpdate(builtIn);

        first.Put("agent.name", "renamed");
        second.Remove("agent.id");

        Assert.Equal("renamed", first.GetValueOrDefault("agent.name"));
        Assert.Equal("1", first.GetValueOrDefault("agent.id"));
        Assert.Equal("a", second.GetValueOrDefault("agent.name"));
        Assert.False(second.ContainsPath("agent.id"));
        Assert.Equal("a", builtIn.GetValueOrDefault("agent.name"));
        Assert.Equal("1", builtIn.GetValueOrDefault("agent.id"));
    }

    [Fact]
    public void DeepUpdateSharesFrozenMapsAndCopiesWritableOnes()
    {
        var frozen = new FieldMap().Add("version", "8.0.0").Freeze();
        var writable = new FieldMap().Add("k", "v");
        var source = new FieldMap().Add("ecs", frozen).Add("labels", writable);
        var target = new FieldMap();

        target.DeepUpdate(source);

        Assert.Same(frozen, target["ecs"]);
        Assert.NotSame(writable, target["labels"]);
        writable.Put("k", "changed");
        Assert.Equal("v", target.GetValueOrDefault("labels.k"));
    }

    [Fact]
    public void DeepUpdateMergesIntoAnExistingMapWithoutChangingTheSharedOne()
    {
        var shared = new FieldMap().Add("host", new FieldMap().Add("name", "h")).Freeze();
        var target = new FieldMap();
        target.DeepUpdate(shared);

        target.DeepUpdate(new FieldMap().Add("host", new FieldMap().Add("ip", "10.0.0.1")));

        Assert.Equal("h", target.GetValueOrDefault("host.name"));
        Assert.Equal("10.0.0.1", target.GetValueOrDefault("host.ip"));
        Assert.False(shared.ContainsPath("host.ip"));
    }

    [Fact]
    public void FreezingMakesNestedListsReadOnly()
    {
        var map = new FieldMap().Add("tags", new List<object?> { "a" }).Freeze();

        var tags = Assert.IsAssignableFrom<IList<object?>>(map["tags"]);
        Assert.Throws<NotSupportedException>(() => tags.Add("b"));
    }

    [Fact]
    public void CloneOfAFrozenMapIsWritable()
    {
        var frozen = new FieldMap().Add("a", 1).Freeze();

        var copy = frozen.Clone();
        copy.Put("b", 2);

        Assert.False(copy.IsReadOnly);
        Assert.False(frozen.ContainsPath("b"));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void KeysKeepTheirInsertionOrderThroughRemovalsAndReplacements(int keys)
    {
        var map = new FieldMap();
        var expected = new List<string>();
        for (var i = 0; i < keys; i++)
        {
            // Keys built at run time, so lookups cannot rely on the same string instance.
            map.Add(string.Concat("key", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), i);
            expected.Add($"key{i}");
        }

        Assert.True(map.Remove("key0"));
        Assert.True(map.Remove($"key{keys / 2}"));
        expected.Remove("key0");
        expected.Remove($"key{keys / 2}");
        map["key1"] = "replaced";
        map.Add("late", true);
        expected.Add("late");

        Assert.Equal(expected, map.Keys);
        Assert.Equal("replaced", map.GetValueOrDefault("key1"));
        Assert.Equal(keys - 1, map.GetValueOrDefault($"key{keys - 1}"));
        Assert.False(map.ContainsPath("key0"));
        Assert.Equal(expected.Count, map.Count);
        Assert.Equal(expected, Enumerable.Range(0, map.Count).Select(map.KeyAt));
    }

    [Fact]
    public void PathsWalkMapsThatHaveGrownPastASmallSize()
    {
        var map = new FieldMap();
        for (var i = 0; i < 30; i++)
        {
            map.Put($"data.field{i}.value", i);
        }

        Assert.Equal(29, map.GetValueOrDefault("data.field29.value"));
        Assert.True(map.Remove("data.field7.value"));
        Assert.False(map.ContainsPath("data.field7.value"));
        Assert.True(map.ContainsPath("data.field7"));
        Assert.Equal(8, map.GetValueOrDefault("data.field8.value"));
    }

    [Fact]
    public void AppendAddsKeysInOrderAndTheyAreFoundLikeAddedOnes_AFrozenMapRefusesIt()
    {
        // Past the size where a level gets a hash index too.
        var map = new FieldMap();
        for (var i = 0; i < 40; i++)
        {
            map.Append($"k{i}", i);
        }

        Assert.Equal(40, map.Count);
        Assert.Equal(39, map["k39"]);
        Assert.Equal(3, map.GetValueOrDefault("k3"));
        map.Add("k3", "replaced");
        Assert.Equal(40, map.Count);
        Assert.Equal("replaced", map["k3"]);

        var frozen = new FieldMap().Add("a", 1).Freeze();
        Assert.Throws<InvalidOperationException>(() => frozen.Append("b", 2));
    }
}
