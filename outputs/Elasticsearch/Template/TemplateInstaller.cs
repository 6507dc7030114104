using Shipper.Outputs.Elasticsearch.Connection;

namespace Shipper.Outputs.Elasticsearch.Template;

/// <summary>Installs the index template, leaving an existing one alone unless told to overwrite it.</summary>
internal static class TemplateInstaller
{
    /// <summary>Returns what was done, or throws <see cref="ClusterException"/> with the cluster's reason.</summary>
    public static async Task<string> InstallAsync(ClusterClient client, IndexTemplate template, bool overwrite, CancellationToken cancellationToken)
    {
        var path = "_index_template/" + Uri.EscapeDataString(template.Name);
        if (!overwrite)
        {
            var existing = await client.JsonAsync(Elastic.Transport.HttpMethod.HEAD, path, null, cancellationToken).ConfigureAwait(false);
            if (existing.Status == 200)
            {
                return $"index template '{template.Name}' already exists (setup.template.overwrite is false)";
            }

            if (existing.Status != 404)
            {
                throw ClusterException.From("checking index template " + template.Name, existing);
            }
        }

        var put = await client.JsonAsync(Elastic.Transport.HttpMethod.PUT, path, template.ToJson(), cancellationToken).ConfigureAwait(false);
        if (!put.IsSuccess)
        {
            throw ClusterException.From("installing index template " + template.Name, put);
        }

        return $"index template '{template.Name}' installed for '{template.Pattern}'";
    }
}
