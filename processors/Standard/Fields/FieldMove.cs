using Shipper.Processors.Standard.Support;

namespace Shipper.Processors.Standard.Fields;

/// <summary>One compiled <c>{from, to}</c> pair.</summary>
internal readonly record struct FieldMove(FieldPath From, FieldPath To)
{
    public static FieldMove[] Compile(FromToOptions options, ProcessorSupport support) =>
        [.. options.Fields.Select((pair, i) => new FieldMove(support.Path($"fields.{i}.from", pair.From), support.Path($"fields.{i}.to", pair.To)))];
}
