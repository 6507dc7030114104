using System.Security.Cryptography;
using System.Text;
using Shipper.Processors.Tests.Support;

namespace Shipper.Processors.Tests.Fields;

public sealed class FingerprintTests : IDisposable
{
    private readonly Chain _chain = new();

    [Fact]
    public void TheHashCoversTheFieldsInSortedOrderAsBeatsBuildsIt()
    {
        var processor = _chain.One("processors:\n- fingerprint: {fields: [user.name, process.pid]}");

        var e = processor.Process(TestEvent.With(("user.name", "root"), ("process.pid", 42)))!;

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("|process.pid|42|user.name|root|")));
        Assert.Equal(expected, e.Get("fingerprint"));
    }

    [Fact]
    public void EqualFieldsGiveEqualFingerprintsAndOtherFieldsDoNotMatter()
    {
        var processor = _chain.One("processors:\n- fingerprint: {fields: [a], target_field: '@metadata._id', method: xxhash}");

        var one = processor.Process(TestEvent.With(("a", "x"), ("b", 1)))!;
        var two = processor.Process(TestEvent.With(("a", "x"), ("b", 2)))!;
        var three = processor.Process(TestEvent.With(("a", "y")))!;

        Assert.Equal(one.Metadata["_id"], two.Metadata["_id"]);
        Assert.NotEqual(one.Metadata["_id"], three.Metadata["_id"]);
        Assert.Equal(16, ((string)one.Metadata["_id"]!).Length);
    }

    [Theory]
    [InlineData("md5", "hex", 32)]
    [InlineData("sha1", "base64", 28)]
    [InlineData("sha512", "base32", 104)]
    public void MethodAndEncodingSetTheShape(string method, string encoding, int length)
    {
        var processor = _chain.One($"processors:\n- fingerprint: {{fields: [a], method: {method}, encoding: {encoding}}}");

        var e = processor.Process(TestEvent.With(("a", "x")))!;

        Assert.Equal(length, ((string)e.Get("fingerprint")!).Length);
    }

    [Fact]
    public void AMissingFieldIsAnErrorUnlessIgnored()
    {
        var strict = _chain.One("processors:\n- fingerprint: {fields: [a, gone]}");
        var lenient = _chain.One("processors:\n- fingerprint: {fields: [a, gone], ignore_missing: true}");

        Assert.False(strict.Process(TestEvent.With(("a", "x")))!.Has("fingerprint"));
        Assert.Equal(1, _chain.Counter("processors.fingerprint.errors"));
        Assert.True(lenient.Process(TestEvent.With(("a", "x")))!.Has("fingerprint"));
    }

    [Fact]
    public void ObjectsAreHashedIndependentlyOfKeyOrder()
    {
        var processor = _chain.One("processors:\n- fingerprint: {fields: [p]}");
        var first = TestEvent.With(("p.a", 1), ("p.b", 2));
        var second = TestEvent.With(("p.b", 2), ("p.a", 1));

        Assert.Equal(processor.Process(first)!.Get("fingerprint"), processor.Process(second)!.Get("fingerprint"));
    }

    public void Dispose() => _chain.Dispose();
}
