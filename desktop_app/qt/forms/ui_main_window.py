# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QListWidget, QListWidgetItem,
    QMainWindow, QSizePolicy, QStackedWidget, QStatusBar,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1100, 720)
        self.actionLock = QAction(MainWindow)
        self.actionLock.setObjectName(u"actionLock")
        self.actionSignOut = QAction(MainWindow)
        self.actionSignOut.setObjectName(u"actionSignOut")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.rootStack = QStackedWidget(self.centralwidget)
        self.rootStack.setObjectName(u"rootStack")
        self.workspace = QWidget()
        self.workspace.setObjectName(u"workspace")
        self.workspaceLayout = QHBoxLayout(self.workspace)
        self.workspaceLayout.setSpacing(0)
        self.workspaceLayout.setObjectName(u"workspaceLayout")
        self.workspaceLayout.setContentsMargins(0, 0, 0, 0)
        self.navList = QListWidget(self.workspace)
        self.navList.setObjectName(u"navList")
        self.navList.setMinimumSize(QSize(200, 0))
        self.navList.setMaximumSize(QSize(260, 16777215))
        self.navList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.workspaceLayout.addWidget(self.navList)

        self.pageStack = QStackedWidget(self.workspace)
        self.pageStack.setObjectName(u"pageStack")

        self.workspaceLayout.addWidget(self.pageStack)

        self.rootStack.addWidget(self.workspace)
        self.lockPage = QWidget()
        self.lockPage.setObjectName(u"lockPage")
        self.lockLayout = QVBoxLayout(self.lockPage)
        self.lockLayout.setObjectName(u"lockLayout")
        self.lockLayout.setContentsMargins(0, 0, 0, 0)
        self.rootStack.addWidget(self.lockPage)

        self.centralLayout.addWidget(self.rootStack)

        MainWindow.setCentralWidget(self.centralwidget)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Frontdesk", None))
        self.actionLock.setText(QCoreApplication.translate("MainWindow", u"Lock", None))
#if QT_CONFIG(tooltip)
        self.actionLock.setToolTip(QCoreApplication.translate("MainWindow", u"Lock the desk (Ctrl+L)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionLock.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+L", None))
#endif // QT_CONFIG(shortcut)
        self.actionSignOut.setText(QCoreApplication.translate("MainWindow", u"Sign out", None))
#if QT_CONFIG(tooltip)
        self.actionSignOut.setToolTip(QCoreApplication.translate("MainWindow", u"Sign out and return to the sign-in screen", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.navList.setAccessibleName(QCoreApplication.translate("MainWindow", u"Pages", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

