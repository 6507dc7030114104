using System.Text.Json;

namespace Shipper.Outputs.Elasticsearch.Bulk;

/// <summary>
/// Reads the items of a bulk response (<c>{"errors":…,"items":[{"create":{"status":201,…}},…]}</c>) with a
/// forward-only reader, keeping only each item's status and error. Also reads the reason of an error response.
/// </summary>
internal static class BulkResponseReader
{
    /// <summary>Fills <paramref name="items"/>; false when the body is not a bulk response.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, List<BulkItemResult> items)
    {
        items.Clear();
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("items"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return false;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    reader.Read(); // the action name: create, index, …
                    reader.Read();
                    items.Add(ReadItem(ref reader));
                    reader.Read(); // end of the wrapping object
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The <c>error.type</c> and <c>error.reason</c> of an error response, when it has them.</summary>
    public static string? ErrorReason(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                return error.ValueKind == JsonValueKind.Object
                    ? $"{Text(error, "type")}: {Text(error, "reason")}"
                    : error.ToString();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static BulkItemResult ReadItem(ref Utf8JsonReader reader)
    {
        int status = 0;
        string? type = null, reason = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                status = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    (type, reason) = ReadError(ref reader);
                }
                else
                {
                    reason = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new BulkItemResult(status, type, reason);
    }

    private static (string? Type, string? Reason) ReadError(ref Utf8JsonReader reader)
    {
        string? type = null, reason = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("reason"u8))
            {
                reader.Read();
                reason = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (type, reason);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : null;
}
