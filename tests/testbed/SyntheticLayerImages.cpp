#include "SyntheticLayerImages.h"

#include <QRandomGenerator>

#include <algorithm>

namespace wharf::testbed {

using namespace Qt::StringLiterals;

namespace {

// The 32-byte gzip of an empty tar, which Docker's classic builder wrote for WORKDIR and alike.
const Digest &emptyLayer()
{
    static const Digest digest = *Digest::parse(u"sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4");
    return digest;
}

LayerGraph::Layer layer(const QString &seed, qint64 size, const QString &createdBy)
{
    return LayerGraph::Layer{Digest::sha256Of(seed.toUtf8()), size, u"application/vnd.oci.image.layer.v1.tar+gzip"_s, createdBy};
}

struct Family
{
    QString name;
    QString platform;
    QStringList baseSteps;
};

} // namespace

QList<LayerGraph::Image> syntheticLayerImages(int images, int layers, quint32 seed)
{
    layers = std::max(layers, 4);
    QRandomGenerator random(seed);
    auto between = [&](qint64 low, qint64 high) { return low + qint64(random.bounded(quint64(high - low))); };

    const QList<Family> families = {
        {u"bookworm"_s, u"linux/amd64"_s,
         {u"ADD file:6b1f8a3c0e2d4b5a in /"_s, u"CMD [\"bash\"]"_s,
          u"RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg"_s,
          u"RUN groupadd --system app && useradd --system --gid app app"_s,
          u"ENV LANG=C.UTF-8"_s, u"RUN apt-get install -y --no-install-recommends libssl3 zlib1g"_s}},
        {u"alpine"_s, u"linux/arm64/v8"_s,
         {u"ADD file:0f2c4e9d1b7a3c58 in /"_s, u"RUN apk add --no-cache ca-certificates tzdata"_s,
          u"RUN addgroup -S app && adduser -S -G app app"_s, u"RUN apk add --no-cache libstdc++"_s}},
        {u"ubi9"_s, u"linux/amd64"_s,
         {u"ADD file:9e3d5c7b2a1f0e4d in /"_s, u"ADD file:1a2b3c4d5e6f7a8b in /etc/yum.repos.d"_s,
          u"RUN microdnf install -y shadow-utils findutils && microdnf clean all"_s,
          u"RUN useradd -r -u 1001 -g 0 app"_s, u"RUN microdnf install -y openssl-libs"_s,
          u"RUN microdnf install -y glibc-langpack-en"_s, u"ENV LANG=en_US.UTF-8"_s,
          u"RUN update-ca-trust"_s}},
    };
    const QStringList middleSteps = {
        u"RUN pip install --no-cache-dir -r requirements.txt"_s,
        u"COPY requirements.txt /app/"_s,
        u"RUN npm ci --omit=dev && npm cache clean --force"_s,
        u"COPY package.json package-lock.json /app/"_s,
        u"RUN curl -fsSL https://example.invalid/runtime.tar.gz | tar -xz -C /opt"_s,
        u"ENV PATH=/opt/runtime/bin:$PATH"_s,
    };
    const QStringList appSteps = {
        u"COPY --from=build /src/target/release/server /usr/local/bin/server"_s,
        u"COPY config/ /etc/app/"_s,
        u"RUN chmod +x /usr/local/bin/entrypoint.sh && mkdir -p /var/lib/app"_s,
        u"COPY static/ /app/static/"_s,
        u"RUN python -m compileall /app"_s,
        u"COPY migrations/ /app/migrations/"_s,
        u"RUN ln -sf /dev/stdout /var/log/app/access.log"_s,
        u"COPY --chown=app:app . /app"_s,
    };

    const int familyCount = int(std::clamp<qsizetype>((images + 3) / 4, 1, families.size()));
    QList<LayerGraph::Image> result;
    result.reserve(images);
    for (int i = 0; i < images; ++i) {
        // Families take contiguous runs of images; within one, two lines of builds share a middle.
        const int familyIndex = int(qint64(i) * familyCount / images);
        const Family &family = families.at(familyIndex);
        const int firstOfFamily = int((qint64(familyIndex) * images + familyCount - 1) / familyCount);
        const int inFamily = i - firstOfFamily;
        const int line = inFamily % 2;
        const int baseLength = std::min<int>(int(family.baseSteps.size()), layers / 3);
        const int middleLength = std::min(layers / 4, layers - baseLength - 2);

        LayerGraph::Image image;
        image.platform = family.platform;
        image.tags = {u"1.%1-%2"_s.arg(inFamily).arg(family.name)};
        image.label = image.tags.constFirst() + u' ' + image.platform;
        image.manifestDigest = Digest::sha256Of(u"manifest %1 %2"_s.arg(seed).arg(i).toUtf8());
        for (int k = 0; k < baseLength; ++k) {
            const qint64 size = k == 0 ? 28'000'000 + familyIndex * 21'000'000 : 300'000 + (k * 7'919'000) % 24'000'000;
            image.layers.append(layer(u"base %1 %2 %3"_s.arg(seed).arg(familyIndex).arg(k), size, family.baseSteps.at(k)));
        }
        for (int k = 0; k < middleLength; ++k) {
            const qint64 size = 50'000 + ((familyIndex * 31 + line * 17 + k * 13) % 40) * 1'000'000 / 3;
            image.layers.append(layer(u"middle %1 %2 %3 %4"_s.arg(seed).arg(familyIndex).arg(line).arg(k),
                                      size, middleSteps.at((k + line) % middleSteps.size())));
        }
        // Where the builds diverge, the classic builder's WORKDIR wrote the empty layer: one blob
        // on many different parents.
        image.layers.append(LayerGraph::Layer{emptyLayer(), 32, u"application/vnd.docker.image.rootfs.diff.tar.gzip"_s,
                                              u"WORKDIR /app"_s});
        for (int k = int(image.layers.size()); k < layers; ++k) {
            const qint64 size = k % 5 == 0 ? between(2'000'000, 60'000'000) : between(200, 3'000'000);
            image.layers.append(layer(u"app %1 %2 %3"_s.arg(seed).arg(i).arg(k), size,
                                      appSteps.at((k + i) % appSteps.size())));
        }
        result.append(std::move(image));
    }
    return result;
}

} // namespace wharf::testbed
