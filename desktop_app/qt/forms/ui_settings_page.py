# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(640, 480)
        self.mainLayout = QVBoxLayout(SettingsPage)
        self.mainLayout.setSpacing(16)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(32, 28, 32, 28)
        self.headingLabel = QLabel(SettingsPage)
        self.headingLabel.setObjectName(u"headingLabel")

        self.mainLayout.addWidget(self.headingLabel)

        self.languageGroup = QGroupBox(SettingsPage)
        self.languageGroup.setObjectName(u"languageGroup")
        self.languageLayout = QFormLayout(self.languageGroup)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageLayout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignVCenter)
        self.languageLayout.setHorizontalSpacing(24)
        self.languageLayout.setVerticalSpacing(10)
        self.languageLabel = QLabel(self.languageGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.languageGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)


        self.mainLayout.addWidget(self.languageGroup)

        self.storeGroup = QGroupBox(SettingsPage)
        self.storeGroup.setObjectName(u"storeGroup")
        self.storeLayout = QFormLayout(self.storeGroup)
        self.storeLayout.setObjectName(u"storeLayout")
        self.storeLayout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignVCenter)
        self.storeLayout.setHorizontalSpacing(24)
        self.storeLayout.setVerticalSpacing(10)
        self.storeNameLabel = QLabel(self.storeGroup)
        self.storeNameLabel.setObjectName(u"storeNameLabel")

        self.storeLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.storeNameLabel)

        self.storeNameValue = QLabel(self.storeGroup)
        self.storeNameValue.setObjectName(u"storeNameValue")
        self.storeNameValue.setText(u"-")
        self.storeNameValue.setTextFormat(Qt.TextFormat.PlainText)

        self.storeLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.storeNameValue)

        self.idleLabel = QLabel(self.storeGroup)
        self.idleLabel.setObjectName(u"idleLabel")

        self.storeLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idleLabel)

        self.idleValue = QLabel(self.storeGroup)
        self.idleValue.setObjectName(u"idleValue")
        self.idleValue.setText(u"-")
        self.idleValue.setTextFormat(Qt.TextFormat.PlainText)

        self.storeLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idleValue)


        self.mainLayout.addWidget(self.storeGroup)

        self.noteLabel = QLabel(SettingsPage)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.headingLabel.setText(QCoreApplication.translate("SettingsPage", u"Settings", None))
        self.languageGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Language of this desk", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"Language", None))
        self.storeGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Store", None))
        self.storeNameLabel.setText(QCoreApplication.translate("SettingsPage", u"Store name", None))
        self.idleLabel.setText(QCoreApplication.translate("SettingsPage", u"Lock after idle", None))
        self.noteLabel.setText(QCoreApplication.translate("SettingsPage", u"Editing store settings, printers, scanners and sync arrives with the settings feature.", None))
        pass
    # retranslateUi

