#pragma once
// What the testbed_images fixture (build-images.sh) put into the registry storage, as its
// images.json describes it: repositories, tags, manifest and index digests, platforms, layers,
// attestations. Tests start a RegistryProcess over storageRoot() and compare what Wharf reads with
// this. The folder is $WHARF_TESTBED_DIR, else <build dir>/testbed.
//
// Repositories (build-images.sh says what each holds):
//   multi:latest        OCI index, linux/amd64, linux/arm64/v8, linux/arm/v7, then 3 attestations
//   layers:base, :app   shared layers; app adds a whiteout, an opaque directory, added/modified files
//   single:1.0          OCI manifest, linux/amd64
//   docker-v2s2:latest  Docker schema 2 manifest
//   zstd:latest         OCI manifest with +zstd layers
//   manytags:*          one tiny image under 260 tags

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace wharf::testbed {

class TestbedImages final
{
public:
    [[nodiscard]] static QString defaultDirectory();

    // Reads <directory>/images.json; false, with `error`, when it is missing or not the format.
    bool load(const QString &directory = defaultDirectory(), QString *error = nullptr);

    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] QString storageRoot() const; // docker-registry filesystem root
    [[nodiscard]] QString layoutPath() const;  // the OCI image layout the images were built in
    [[nodiscard]] const QJsonObject &json() const { return m_json; }

    [[nodiscard]] QStringList repositories() const;
    // In byte order, the order of a sorted tags/list.
    [[nodiscard]] QStringList tags(const QString &repository) const;
    // digest, mediaType, size, platforms[], attestations[] (and files, changes in `layers`); empty
    // when there is no such tag.
    [[nodiscard]] QJsonObject tag(const QString &repository, const QString &tag) const;
    [[nodiscard]] QString digest(const QString &repository, const QString &tag) const; // manifest or index
    [[nodiscard]] QString mediaType(const QString &repository, const QString &tag) const;

    // Platforms as "os/architecture[/variant]", in index order (one for a single manifest).
    [[nodiscard]] QStringList platforms(const QString &repository, const QString &tag) const;
    // One platform's image: digest, mediaType, size, platform, config, layers[]. An empty
    // `platform` means the first (the only one of a single-platform tag).
    [[nodiscard]] QJsonObject image(const QString &repository, const QString &tag, const QString &platform = {}) const;
    [[nodiscard]] QString imageDigest(const QString &repository, const QString &tag, const QString &platform = {}) const;
    [[nodiscard]] QStringList layerDigests(const QString &repository, const QString &tag, const QString &platform = {}) const;
    // digest, mediaType, size, referenceDigest (the image it is about), predicateType, layers[].
    [[nodiscard]] QJsonArray attestations(const QString &repository, const QString &tag) const;

    [[nodiscard]] static QString platformString(const QJsonObject &platform);

    // Docker Hub names official images library/NAME, the test bed stores them as NAME: fills
    // `root` with a registry storage whose repositories are symlinks to storageRoot()'s, under
    // both names (blobs shared, nothing copied). False, with `error`, when a link cannot be made.
    bool linkAsDockerHub(const QString &root, QString *error) const;

private:
    QString m_directory;
    QJsonObject m_json;
};

} // namespace wharf::testbed
