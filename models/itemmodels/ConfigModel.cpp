#include "itemmodels/ConfigModel.h"

#include "documents/ImageConfig.h"
#include "registry/ImageInspectJob.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace wharf {

using namespace Qt::StringLiterals;

ConfigModel::ConfigModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ConfigModel::setImage(const InspectedImage &image)
{
    setConfig(image.config);
}

void ConfigModel::setConfig(const std::optional<ImageConfig> &config)
{
    QList<Row> rows;
    if (config) {
        const ImageConfig::RunConfig &run = config->config;
        const Platform platform{config->os, config->architecture, config->variant, config->osVersion, {}};
        rows.append({Field::Platform, {}, platform.toString()});
        if (!config->osVersion.isEmpty())
            rows.append({Field::OsVersion, {}, config->osVersion});
        if (!run.entrypoint.isEmpty())
            rows.append({Field::Entrypoint, {}, run.entrypoint});
        if (!run.cmd.isEmpty())
            rows.append({Field::Cmd, {}, run.cmd});
        if (!run.workingDir.isEmpty())
            rows.append({Field::WorkingDir, {}, run.workingDir});
        if (!run.user.isEmpty())
            rows.append({Field::User, {}, run.user});
        for (const QString &entry : run.env) {
            // ImageConfig::fromJson has already refused entries without '='.
            const qsizetype eq = entry.indexOf(u'=');
            rows.append({Field::Env, entry.left(eq), entry.mid(eq + 1)});
        }
        for (const QString &port : run.exposedPorts)
            rows.append({Field::ExposedPort, port, QString()});
        for (const QString &volume : run.volumes)
            rows.append({Field::Volume, volume, QString()});
        for (auto it = run.labels.cbegin(); it != run.labels.cend(); ++it)
            rows.append({Field::Label, it.key(), it.value()});
        if (!run.stopSignal.isEmpty())
            rows.append({Field::StopSignal, {}, run.stopSignal});
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ConfigModel::clear()
{
    setConfig(std::nullopt);
}

int ConfigModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConfigModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ConfigModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QString ConfigModel::fieldName(Field field)
{
    // The config's own JSON keys, as `docker inspect` prints them: technical names, not translated.
    switch (field) {
    case Field::Platform:
        return u"os/arch"_s;
    case Field::OsVersion:
        return u"os.version"_s;
    case Field::Entrypoint:
        return u"Entrypoint"_s;
    case Field::Cmd:
        return u"Cmd"_s;
    case Field::WorkingDir:
        return u"WorkingDir"_s;
    case Field::User:
        return u"User"_s;
    case Field::Env:
        return u"Env"_s;
    case Field::ExposedPort:
        return u"ExposedPorts"_s;
    case Field::Volume:
        return u"Volumes"_s;
    case Field::Label:
        return u"Labels"_s;
    case Field::StopSignal:
        return u"StopSignal"_s;
    }
    return {};
}

QString ConfigModel::valueText(const Row &row)
{
    if (row.value.typeId() == QMetaType::QStringList)
        // Exec form, as the config holds it: ["/bin/sh", "-c", "…"] keeps the argument boundaries visible.
        return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(row.value.toStringList())).toJson(QJsonDocument::Compact));
    return row.value.toString();
}

QString ConfigModel::copyText(const Row &row)
{
    switch (row.field) {
    case Field::Env:
    case Field::Label:
        return row.key + u'=' + row.value.toString();
    case Field::ExposedPort:
    case Field::Volume:
        return row.key;
    default:
        return valueText(row);
    }
}

QVariant ConfigModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FieldColumn:
            return fieldName(row.field);
        case KeyColumn:
            return row.key;
        case ValueColumn:
            return valueText(row);
        default:
            return {};
        }
    case RawValueRole:
        switch (index.column()) {
        case FieldColumn:
            return int(row.field);
        case KeyColumn:
            return row.key;
        case ValueColumn:
            return row.value;
        default:
            return {};
        }
    case FieldRole:
        return QVariant::fromValue(row.field);
    case FieldNameRole:
        return fieldName(row.field);
    case KeyRole:
        return row.key;
    case ValueRole:
        return row.value;
    case CopyTextRole:
        return copyText(row);
    case Qt::ToolTipRole:
        // A name or value wider than its column can still be read whole.
        if (index.column() == KeyColumn && !row.key.isEmpty())
            return row.key;
        if (index.column() == ValueColumn)
            return valueText(row);
        return {};
    default:
        return {};
    }
}

QVariant ConfigModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case KeyColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

QHash<int, QByteArray> ConfigModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
        {RawValueRole, "rawValue"},
        {FieldRole, "field"},
        {FieldNameRole, "fieldName"},
        {KeyRole, "key"},
        {ValueRole, "value"},
        {CopyTextRole, "copyText"},
    });
    return names;
}

} // namespace wharf
