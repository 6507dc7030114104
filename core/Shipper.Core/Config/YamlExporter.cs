using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shipper.Core.Config;

/// <summary>Writes a configuration tree back as YAML, optionally with secret values replaced by <see cref="SecretMask.Redacted"/>.</summary>
internal static class YamlExporter
{
    public static string Write(ConfigNode root, bool maskSecrets)
    {
        using var writer = new StringWriter();
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, root, maskSecrets, secret: false);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, ConfigNode node, bool mask, bool secret)
    {
        if (secret && mask)
        {
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, SecretMask.Redacted, ScalarStyle.DoubleQuoted, false, true));
            return;
        }

        switch (node)
        {
            case MapNode map:
                var mapStyle = map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, mapStyle));
                foreach (var (key, child) in map.Children)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, child, mask, SecretMask.IsSecretKey(key));
                }

                emitter.Emit(new MappingEnd());
                break;
            case ListNode list:
                var listStyle = list.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, listStyle));
                foreach (var item in list.Items)
                {
                    Emit(emitter, item, mask, secret);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                EmitScalar(emitter, (ScalarNode)node);
                break;
        }
    }

    private static void EmitScalar(IEmitter emitter, ScalarNode scalar)
    {
        if (scalar.IsNull)
        {
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
            return;
        }

        // Quoted text stays quoted so "123" and "yes" keep meaning text when the export is read back.
        // Several lines read best as a literal block (always text, like a quoted scalar).
        var style = scalar.Text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : scalar.Quoted || scalar.Text.Length == 0 ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Text, style, true, true));
    }
}
